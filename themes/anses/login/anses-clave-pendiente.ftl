<#import "template.ftl" as layout>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("ansesClavePendienteTitulo")}
    <#elseif section = "form">
        <div id="anses-clave-pendiente">
            <p class="anses-intro"><strong>${msg("ansesClavePendiente", cuil, creada)}</strong></p>
            <p id="anses-dias-restantes">${msg("ansesClavePendienteDias", diasRestantes, vence, plazoDias)}</p>
            <p>${msg("ansesClavePendienteSinApps")}</p>
        </div>
        <h2 class="anses-subtitulo">${msg("ansesHabilitarOnlineTitulo")}</h2>
        <p>${msg("ansesHabilitarOnlineDetalle", intentosHabilitacion)}</p>
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@anses.continuar label="ansesHabilitarClave" name="habilitar"/>
        </form>
        <h2 class="anses-subtitulo">${msg("ansesHabilitarFormularioTitulo")}</h2>
        <ol class="anses-politicas" id="anses-pasos-formulario">
            <li>${msg("ansesFormularioPaso1")}</li>
            <li>${msg("ansesFormularioPaso2")}</li>
            <li>${msg("ansesFormularioPaso3")}</li>
        </ol>
        <address id="anses-uca" class="anses-direccion">${msg("ansesDireccionUca")}</address>
        <form id="anses-usi07-form" class="${properties.kcFormClass!}" action="${usi07Url}" method="post" novalidate="novalidate">
            <div class="${properties.kcFormGroupClass}">
                <div class="${properties.kcFormActionGroupClass}">
                    <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass}" id="anses-usi07" name="descargar"
                            value="usi07" type="submit">${msg("ansesDescargarUsi07")}</button>
                </div>
            </div>
        </form>
        <p>${msg("ansesFormularioApoderado")}</p>
        <p id="anses-solicitud-puede-caducar">${msg("ansesSolicitudPuedeCaducar")}</p>
        <p><a id="anses-volver" href="${url.loginRestartFlowUrl}">${msg("ansesVolverAMiAnses")}</a></p>
    </#if>
</@layout.registrationLayout>
