<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("ansesClaveRegistradaTitulo")}
    <#elseif section = "form">
        <div id="anses-clave-registrada">
            <p class="anses-intro"><strong>${msg("ansesClaveRegistrada")}</strong></p>
            <p>${msg("ansesClaveRegistradaPlazo", plazoDias)}</p>
            <p>${msg("ansesClaveRegistradaComoSigue")}</p>
            <ul class="anses-politicas">
                <li>${msg("ansesHabilitarOnline")}</li>
                <li>${msg("ansesHabilitarFormulario")}</li>
            </ul>
            <p id="anses-solicitud-puede-caducar">${msg("ansesSolicitudPuedeCaducar")}</p>
        </div>
        <p><a id="anses-ingresar" class="${properties.kcButtonPrimaryClass} ${properties.kcButtonBlockClass}" href="${url.loginRestartFlowUrl}">${msg("ansesIngresarConMiClave")}</a></p>
    </#if>
</@layout.registrationLayout>
