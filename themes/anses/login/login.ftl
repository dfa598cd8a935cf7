<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password'); section>
<!-- template: anses login.ftl -->
    <#assign cambiar = (ansesCambiarClave!false)>
    <#if section = "header">
        <#if cambiar>${msg("ansesCambiarMiClaveTitulo")}<#else>${msg("ansesLoginTitle")}</#if>
    <#elseif section = "form">
        <p id="anses-login-intro" class="anses-intro"><#if cambiar>${msg("ansesCambiarMiClaveLogin")}<#else>${msg("ansesLoginIntro")}</#if></p>
        <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;"
              action="${url.loginAction}" method="post" novalidate="novalidate">
            <#assign cuilError = messagesPerField.get('username')>
            <@field.group name="username" label=msg("ansesCuilLabel") error=cuilError required=false>
                <span class="${properties.kcInputClass} <#if cuilError?has_content>${properties.kcError}</#if>">
                    <input id="username" name="username" value="${(login.username!'')}" type="text" autocomplete="username"
                           inputmode="numeric" autofocus aria-describedby="anses-cuil-hint<#if cuilError?has_content> input-error-username</#if>"
                           aria-invalid="<#if cuilError?has_content>true</#if>"/>
                    <@field.errorIcon error=cuilError/>
                </span>
                <div class="${properties.kcFormHelperTextClass}">
                    <span id="anses-cuil-hint" class="${properties.kcInputHelperTextItemTextClass!}">${msg("ansesCuilHint")}</span>
                    <a id="anses-no-se-mi-cuil" href="${properties.ansesCuilLookupUrl}" target="_blank" rel="noopener">${msg("ansesNoSeMiCuil")}</a>
                </div>
            </@field.group>

            <@field.password name="password" label=msg("ansesClaveLabel") error=messagesPerField.get('password') autocomplete="current-password">
                <div class="${properties.kcInputHelperTextItemClass}">
                    <span id="anses-clave-hint" class="${properties.kcInputHelperTextItemTextClass}">${msg("ansesClaveCaseSensitive")}</span>
                </div>
            </@field.password>
            <@anses.teclado campo="password" etiqueta=msg("ansesClaveLabel")/>
            <#if ansesRobot??>
                <@anses.robot desafio=ansesRobot/>
            </#if>

            <ul id="anses-clave-links" class="anses-links">
                <li><a id="anses-olvide-mi-clave" href="${url.loginResetCredentialsUrl}">${msg("ansesOlvideMiClave")}</a></li>
                <li>
                    <#-- A button of its own form (below): Enter in the fields still presses INGRESAR. -->
                    <#if cambiar>
                        <button id="anses-volver-al-ingreso" class="anses-boton-enlace" type="submit" form="anses-form-cambiar"
                                name="anses_cambiar" value="0">${msg("ansesVolverAlIngreso")}</button>
                    <#else>
                        <button id="anses-cambiar-mi-clave" class="anses-boton-enlace" type="submit" form="anses-form-cambiar"
                                name="anses_cambiar" value="1">${msg("ansesCambiarMiClave")}</button>
                    </#if>
                </li>
            </ul>

            <@buttons.actionGroup>
                <@buttons.button id="kc-login" name="login" label=cambiar?then("ansesContinuar", "ansesDoLogIn") />
            </@buttons.actionGroup>
        </form>
        <form id="anses-form-cambiar" action="${url.loginAction}" method="post"></form>
        <@anses.informacion id="anses-mas-informacion" label="ansesMasInformacionClave" atributo="ansesInformacionUrl"/>

        <div id="anses-create" class="anses-create">
            <p>${msg("ansesCreateIntro")}</p>
            <a id="anses-crea-tu-clave" href="${url.loginResetCredentialsUrl}"
               class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass}">${msg("ansesCreaTuClave")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
