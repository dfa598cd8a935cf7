<#-- Confirmá tu correo (crearclave.ConfirmaCorreoAuthenticator): the 6-digit code sent to the address typed at Elegí tu
     clave. The clave is already created: skipping leaves the address unconfirmed. One form, three buttons: CONFIRMAR
     (the default on Enter), another code, skip. -->
<#import "template.ftl" as layout>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('codigo'); section>
    <#if section = "header">
        ${msg("ansesConfirmaCorreoTitulo")}
    <#elseif section = "form">
        <p class="anses-intro"><strong>${msg("ansesClaveYaCreadaCorreo")}</strong></p>
        <p id="anses-codigo-enviado">${msg("ansesCodigoEnviadoA", direccion)}</p>
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#if !agotados>
                <p id="anses-codigo-vigencia">${msg("ansesCodigoVigencia", minutos)}</p>
                <@anses.text name="codigo" label=msg("ansesCodigoLabel") inputmode="numeric" autocomplete="one-time-code" hint=msg("ansesCodigoAyuda")/>
                <@anses.continuar label="ansesConfirmar" name="confirmar"/>
                <#if (reenviosRestantes > 0)>
                    <div class="${properties.kcFormGroupClass}">
                        <div class="${properties.kcFormActionGroupClass}">
                            <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass}" id="anses-reenviar" name="reenviar"
                                    value="si" type="submit" aria-describedby="anses-reenvios">${msg("ansesReenviarCodigo")}</button>
                        </div>
                        <p id="anses-reenvios" class="anses-nota">${msg("ansesReenviosRestantes", reenviosRestantes)}</p>
                    </div>
                </#if>
            </#if>
            <div class="${properties.kcFormGroupClass}">
                <div class="${properties.kcFormActionGroupClass}">
                    <button class="<#if agotados>${properties.kcButtonPrimaryClass}<#else>${properties.kcButtonSecondaryClass!}</#if> ${properties.kcButtonBlockClass}"
                            id="anses-saltear" name="saltear" value="si" type="submit" aria-describedby="anses-saltear-ayuda">
                        <#if agotados>${msg("ansesContinuarSinConfirmar")}<#else>${msg("ansesSaltear")}</#if></button>
                </div>
                <p id="anses-saltear-ayuda" class="anses-nota">${msg("ansesSaltearAyuda")}</p>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
