<#import "template.ftl" as layout>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("ansesErrorTitulo")}
    <#elseif section = "form">
        <div id="anses-verificacion-error" role="alert">
            <p><strong>${msg("ansesNoPudimosVerificar")}</strong></p>
            <p>${msg("ansesPodesIntentarNuevamente")}</p>
            <p>${msg(ansesHabilitacion???then("ansesContasConIntentosHabilitacion", "ansesContasConIntentos"))}</p>
            <p id="anses-intentos-restantes">${msg("ansesIntentosRestantes", intentosRestantes)}</p>
        </div>
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@anses.continuar label="ansesNuevoIntento" name="nuevoIntento"/>
        </form>
    </#if>
</@layout.registrationLayout>
