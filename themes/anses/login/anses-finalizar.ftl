<#import "template.ftl" as layout>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg(ansesTitulo!"ansesFinalizarTitulo")}
    <#elseif section = "form">
        <p id="anses-habilitada" class="anses-intro"><strong>${msg("ansesClaveHabilitada", nivel)}</strong></p>
        <p>${msg("ansesNivel2Permite")}</p>
        <ul id="anses-apps-nivel3" class="anses-politicas">
            <li>${msg("ansesAppServiciosCorporativos")}</li>
            <li>${msg("ansesAppCambioLugarCobro")}</li>
            <li>${msg("ansesAppReparacionHistorica")}</li>
        </ul>
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@anses.continuar label="ansesComenzarAUtilizar" name="comenzar"/>
        </form>
        <p id="anses-como-nivel3">${msg("ansesComoNivel3")}</p>
        <@anses.informacion id="anses-mas-informacion-corporativa" label="ansesMasInformacionCorporativa"
                atributo="ansesInformacionCorporativaUrl" seccion="corporativa"/>
        <#if (correo!'') == "confirmado">
            <p id="anses-agrega-email" data-correo="confirmado">${msg("ansesCorreoConfirmadoFinal")} <a href="${cuentaUrl}">${msg("ansesCorreoConfirmadoFinalEnlace")}</a></p>
        <#elseif (correo!'') == "sinConfirmar">
            <p id="anses-agrega-email" data-correo="sinConfirmar">${msg("ansesCorreoSinConfirmarFinal")} <a href="${cuentaUrl}">${msg("ansesCorreoSinConfirmarFinalEnlace")}</a></p>
        <#else>
            <p id="anses-agrega-email" data-correo="ninguno">${msg("ansesAgregaTuEmail")} <a href="${cuentaUrl}">${msg("ansesAgregaTuEmailEnlace")}</a></p>
        </#if>
        <#if usi07Url??>
            <#-- Seed 003: "Al pie de la página podrá descargar el Formulario USI-07". Its own form, posted without the
                 page's session code, so COMENZAR A UTILIZAR still works after downloading. -->
            <form id="anses-usi07-form" class="${properties.kcFormClass!} pf-v5-u-mt-lg" action="${usi07Url}" method="post" novalidate="novalidate">
                <p id="anses-usi07-ayuda">${msg("ansesUsi07Ayuda")}</p>
                <div class="${properties.kcFormGroupClass}">
                    <div class="${properties.kcFormActionGroupClass}">
                        <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass}" id="anses-usi07" name="descargar"
                                value="usi07" type="submit" aria-describedby="anses-usi07-ayuda">${msg("ansesDescargarUsi07")}</button>
                    </div>
                </div>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>
