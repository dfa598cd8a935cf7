<#import "template.ftl" as layout>
<#-- ANSES: keycloak.v2's select-authenticator.ftl (26.7.3) with each option a real submit button in its own form:
     it works without JavaScript and with the keyboard (Keycloak's is a div with onclick, which Enter does not press). -->
<@layout.registrationLayout displayInfo=false; section>
<!-- template: select-authenticator.ftl -->

    <#if section = "header" || section = "show-username">
        <#if section = "header">
            ${msg("loginChooseAuthenticator")}
        </#if>
    <#elseif section = "form">

    <ul class="${properties.kcSelectAuthListClass!}" role="list">
        <#list auth.authenticationSelections as authenticationSelection>
            <li class="${properties.kcSelectAuthListItemWrapperClass!}">
                <form id="kc-select-credential-form-${authenticationSelection?index}" class="anses-otra-forma" action="${url.loginAction}" method="post">
                    <input type="hidden" name="authenticationExecution" value="${authenticationSelection.authExecId}">
                    <button type="submit" class="anses-otra-forma-opcion" id="anses-otra-forma-${authenticationSelection.authExecId}"
                            aria-describedby="anses-otra-forma-ayuda-${authenticationSelection?index}">
                        <span class="anses-otra-forma-nombre">${msg('${authenticationSelection.displayName}')}</span>
                    </button>
                    <p class="anses-otra-forma-ayuda" id="anses-otra-forma-ayuda-${authenticationSelection?index}">${msg('${authenticationSelection.helpText}')}</p>
                </form>
            </li>
        </#list>
    </ul>

    </#if>
</@layout.registrationLayout>
