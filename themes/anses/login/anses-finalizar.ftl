<#import "template.ftl" as layout>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("ansesFinalizarTitulo")}
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
    </#if>
</@layout.registrationLayout>
