<#import "template.ftl" as layout>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("ansesNivelInsuficienteTitulo", nivelRequerido)}
    <#elseif section = "form">
        <div id="anses-nivel-insuficiente" role="alert">
            <p><strong>${msg("ansesNivelInsuficiente", aplicacion, nivelRequerido, nivel)}</strong></p>
            <p>${msg("ansesComoNivel3Aplicacion")}</p>
        </div>
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@anses.continuar label="ansesVolverALaAplicacion" name="volver"/>
        </form>
    </#if>
</@layout.registrationLayout>
