<#import "template.ftl" as layout>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('acepto'); section>
    <#if section = "header">
        ${msg("ansesPoliticasTitulo")}
    <#elseif section = "form">
        <p class="anses-intro" id="anses-politicas-intro">${msg(ansesPoliticasIntro!"ansesPoliticasIntro")}</p>
        <ul id="anses-politicas" class="anses-politicas">
            <#list 1..6 as i><li>${msg("ansesPolitica" + i)}</li></#list>
        </ul>
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <div class="${properties.kcFormGroupClass}">
                <div class="${properties.kcCheckboxClass}">
                    <input class="${properties.kcCheckboxInputClass}" type="checkbox" id="acepto" name="acepto"
                           aria-describedby="input-error-acepto" aria-invalid="<#if messagesPerField.existsError('acepto')>true</#if>"/>
                    <label class="${properties.kcCheckboxLabelClass}" for="acepto">${msg("ansesPoliticasAcepto")}</label>
                </div>
                <@anses.error name="acepto"/>
            </div>
            <p id="anses-politicas-version" class="anses-nota">${msg("ansesPoliticasVersion", politicasVersion)}</p>
            <@anses.continuar/>
        </form>
    </#if>
</@layout.registrationLayout>
