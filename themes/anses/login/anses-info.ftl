<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg(ansesTitulo)}
    <#elseif section = "form">
        <p><a id="anses-volver" href="${url.loginRestartFlowUrl}">${msg("ansesVolverAMiAnses")}</a></p>
    </#if>
</@layout.registrationLayout>
