<#import "template.ftl" as layout>
<#import "anses-clave-nueva.ftl" as claveNueva>
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
            <@claveNueva.campos/>
            <@anses.continuar/>
        </form>
    </#if>
</@layout.registrationLayout>
