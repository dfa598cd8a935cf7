<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('clave','confirmacion'); section>
    <#if section = "header">
        ${msg("ansesCrearClavePaso", 4)}
    <#elseif section = "form">
        <p class="anses-intro"><strong>${msg("ansesIdentidadComprobada")}</strong></p>
        <p>${msg("ansesIngresaLaClave")}</p>
        <ul class="anses-politicas">
            <li>${msg("ansesClaveRecorda")}</li>
        </ul>
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="clave" label=msg("ansesElijaUnaClave") error=messagesPerField.get('clave') autocomplete="new-password"/>
            <@field.password name="confirmacion" label=msg("ansesConfirmeSuClave") error=messagesPerField.get('confirmacion') autocomplete="new-password"/>
            <@anses.continuar/>
        </form>
    </#if>
</@layout.registrationLayout>
