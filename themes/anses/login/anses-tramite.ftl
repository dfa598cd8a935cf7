<#import "template.ftl" as layout>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('tramite'); section>
    <#if section = "header">
        ${msg("ansesCrearClavePaso", 2)}
    <#elseif section = "form">
        <p class="anses-intro">${msg("ansesTramiteIntro")}</p>
        <div class="anses-dni-ayuda" id="anses-dni-ayuda">
            <section aria-labelledby="anses-nuevo-dni"><h2 id="anses-nuevo-dni">${msg("ansesNuevoDni")}</h2>
                <img src="${url.resourcesPath}/img/dni-nuevo.svg" alt="${msg('ansesNuevoDniDibujo')}" width="320" height="204"/>
                <p>${msg("ansesNuevoDniAyuda")}</p></section>
            <section aria-labelledby="anses-dni-anterior"><h2 id="anses-dni-anterior">${msg("ansesDniAnterior")}</h2>
                <img src="${url.resourcesPath}/img/dni-anterior.svg" alt="${msg('ansesDniAnteriorDibujo')}" width="320" height="204"/>
                <p>${msg("ansesDniAnteriorAyuda")}</p></section>
        </div>
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@anses.text name="tramite" label=msg("ansesTramiteLabel") value=(tramiteIngresado!'') inputmode="numeric" hint=msg("ansesTramiteHint")/>
            <@anses.continuar/>
        </form>
        <p class="anses-nota">${msg("ansesTramiteNecesario")}</p>
    </#if>
</@layout.registrationLayout>
