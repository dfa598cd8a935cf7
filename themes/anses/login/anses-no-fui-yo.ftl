<#-- "No fui yo" (nofuiyo.NoFuiYoPage): the confirmation a notice's link opens, and what became of it. The state is
     ansesNoFuiYoEstado: CONFIRMAR (a form that POSTs the link's token), HECHO, USADO, INVALIDO, VENCIDO. -->
<#import "template.ftl" as layout>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("ansesNoFuiYo" + ansesNoFuiYoEstado?lower_case?cap_first + "Titulo")}
    <#elseif section = "form">
        <#if ansesNoFuiYoEstado == "CONFIRMAR">
            <div id="anses-no-fui-yo">
                <p>${msg("ansesNoFuiYoQueVaAPasar")}</p>
                <p>${msg("ansesNoFuiYoDespues")}</p>
            </div>
            <form id="anses-form" class="${properties.kcFormClass!}" action="${ansesNoFuiYoAccion}" method="post" novalidate="novalidate">
                <input type="hidden" name="key" value="${ansesNoFuiYoKey}"/>
                <@anses.continuar label="ansesNoFuiYoConfirmar" name="confirmar"/>
            </form>
            <p><a id="anses-cancelar" href="${ansesMiAnsesUrl}">${msg("ansesNoFuiYoCancelar")}</a></p>
        <#else>
            <div id="anses-no-fui-yo" role="<#if ansesNoFuiYoEstado == "HECHO">status<#else>alert</#if>">
                <p>${msg("ansesNoFuiYo" + ansesNoFuiYoEstado?lower_case?cap_first)}</p>
            </div>
            <p><a id="anses-olvide-mi-clave" href="${ansesOlvideMiClaveUrl}">${msg("ansesNoFuiYoOlvideMiClave")}</a></p>
            <p>${msg("ansesNoFuiYoOficina")}</p>
        </#if>
    </#if>
</@layout.registrationLayout>
