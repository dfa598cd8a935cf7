<#import "template.ftl" as layout>
<#import "anses-clave-nueva.ftl" as claveNueva>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('clave','confirmacion'); section>
    <#if section = "header">
        ${msg((ansesClaveComun!false)?then("ansesClaveComunTitulo", "ansesCambiarMiClaveTitulo"))}
    <#elseif section = "form">
        <p class="anses-intro" id="anses-intro">${msg((ansesClaveLegadaPolitica!false)?then("ansesClaveLegadaPoliticaIntro", (ansesClaveComun!false)?then("ansesClaveComunIntro", "ansesCambiarMiClaveIntro")))}</p>
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@claveNueva.campos labelClave="ansesNuevaClave" labelConfirmacion="ansesConfirmeSuClave"/>
            <@anses.continuar/>
        </form>
    </#if>
</@layout.registrationLayout>
