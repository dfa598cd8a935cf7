<#import "template.ftl" as layout>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('cuil','residencia','robot'); section>
    <#if section = "header">
        ${msg("ansesCrearClavePaso", 1)}
    <#elseif section = "form">
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@anses.text name="cuil" label=msg("ansesIngresaTuCuil") value=cuilIngresado inputmode="numeric" autocomplete="username" hint=msg("ansesCuilHint")/>
            <fieldset class="${properties.kcFormGroupClass} anses-residencia" aria-describedby="input-error-residencia">
                <legend class="${properties.kcFormLabelClass}">${msg("ansesDondeVivis")}</legend>
                <div class="pf-v5-c-radio">
                    <input class="pf-v5-c-radio__input" type="radio" id="residencia-pais" name="residencia" value="pais" <#if residencia != "exterior">checked</#if>/>
                    <label class="pf-v5-c-radio__label" for="residencia-pais">${msg("ansesResidenciaPais")}</label>
                </div>
                <div class="pf-v5-c-radio">
                    <input class="pf-v5-c-radio__input" type="radio" id="residencia-exterior" name="residencia" value="exterior"
                           aria-describedby="residencia-exterior-hint" <#if residencia == "exterior">checked</#if>/>
                    <label class="pf-v5-c-radio__label" for="residencia-exterior">${msg("ansesResidenciaExterior")}</label>
                    <span id="residencia-exterior-hint" class="pf-v5-c-radio__description anses-nota">${msg("ansesResidenciaExteriorAyuda")}</span>
                </div>
                <@anses.error name="residencia"/>
            </fieldset>
            <#if antiRobot>
                <@anses.robot desafio=robot/>
            </#if>
            <@anses.continuar/>
        </form>
    </#if>
</@layout.registrationLayout>
