<#import "template.ftl" as layout>
<#import "anses-clave-nueva.ftl" as claveNueva>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('clave','confirmacion','email'); section>
    <#if section = "header">
        ${msg("ansesCrearClavePaso", 4)}
    <#elseif section = "form">
        <#if exterior??>
            <p class="anses-intro"><strong>${msg("ansesExteriorElegiClave")}</strong></p>
            <p>${msg("ansesExteriorClavePendiente")}</p>
        <#else>
            <p class="anses-intro"><strong>${msg("ansesIdentidadComprobada")}</strong></p>
        </#if>
        <p>${msg("ansesIngresaLaClave")}</p>
        <ul class="anses-politicas">
            <li>${msg("ansesClaveRecorda")}</li>
        </ul>
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#if exterior??>
                <@anses.text name="email" label=msg("ansesTuEmail") value=emailIngresado inputmode="email" autocomplete="email" hint=msg("ansesEmailExteriorAyuda")/>
            <#else>
                <#-- Seed 003: "su E-Mail, la clave que Ud. elija y confirmar la misma"; optional for a resident. -->
                <@anses.text name="email" label=msg("ansesTuEmailOpcional") value=(emailIngresado!'') inputmode="email" autocomplete="email"
                        hint=(conCorreoVerificado!false)?then(msg("ansesEmailConfirmadoAyuda"), msg("ansesEmailOpcionalAyuda"))/>
            </#if>
            <@claveNueva.campos/>
            <@anses.continuar/>
        </form>
    </#if>
</@layout.registrationLayout>
