<#import "template.ftl" as layout>
<#import "anses-fields.ftl" as anses>
<#-- ¿En nombre de quién actuás? A curador chooses: themself, or one of the wards the padrón still has under curatela.
     One radio group: Tab reaches the chosen option, the arrows move between them, Enter sends. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('representa'); section>
    <#if section = "header">
        ${msg("ansesRepresentacionTitulo")}
    <#elseif section = "form">
        <p class="anses-intro">${msg("ansesRepresentacionIntro")}</p>
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <fieldset class="${properties.kcFormGroupClass} anses-pregunta" id="representa-grupo"
                      aria-describedby="input-error-representa" aria-invalid="<#if messagesPerField.existsError('representa')>true</#if>">
                <legend class="${properties.kcFormLabelClass}">${msg("ansesRepresentacionPregunta")}</legend>
                <div class="pf-v5-c-radio">
                    <input class="pf-v5-c-radio__input" type="radio" id="representa-propia" name="representa" value="propia"
                           <#if elegida == "propia">checked</#if>/>
                    <label class="pf-v5-c-radio__label" for="representa-propia">${msg("ansesRepresentacionPropia")}</label>
                </div>
                <#list curados as curado>
                    <div class="pf-v5-c-radio">
                        <input class="pf-v5-c-radio__input" type="radio" id="representa-${curado.cuil().digitos()}" name="representa"
                               value="${curado.cuil().digitos()}" <#if elegida == curado.cuil().digitos()>checked</#if>/>
                        <label class="pf-v5-c-radio__label" for="representa-${curado.cuil().digitos()}">${msg("ansesRepresentacionCurado", curado.nombre(), curado.cuil().conGuiones())}</label>
                    </div>
                </#list>
                <@anses.error name="representa"/>
            </fieldset>
            <p class="anses-nota">${msg("ansesRepresentacionNota")}</p>
            <@anses.continuar/>
            <#if isAppInitiatedAction??>
                <div class="${properties.kcFormGroupClass}">
                    <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass}" id="anses-cancelar" name="cancel-aia"
                            value="true" type="submit" formnovalidate>${msg("ansesRepresentacionNoCambiar")}</button>
                </div>
            </#if>
        </form>
    </#if>
</@layout.registrationLayout>
