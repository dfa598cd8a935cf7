<#-- The error under a field, with the id the field's aria-describedby points at. -->
<#macro error name>
    <div id="input-error-container-${name}">
        <#if messagesPerField.existsError(name)>
            <div class="${properties.kcFormHelperTextClass}" aria-live="polite">
                <div class="${properties.kcInputHelperTextClass}">
                    <div class="${properties.kcInputHelperTextItemClass} ${properties.kcError}" id="input-error-${name}">
                        <span class="${properties.kcInputErrorMessageClass}">${kcSanitize(messagesPerField.get(name))?no_esc}</span>
                    </div>
                </div>
            </div>
        </#if>
    </div>
</#macro>

<#macro text name label value="" inputmode="text" autocomplete="off" hint="">
    <div class="${properties.kcFormGroupClass}">
        <div class="${properties.kcFormGroupLabelClass}">
            <label for="${name}" class="${properties.kcFormLabelClass}"><span class="${properties.kcFormLabelTextClass}">${label}</span></label>
        </div>
        <span class="${properties.kcInputClass} <#if messagesPerField.existsError(name)>${properties.kcError}</#if>">
            <input id="${name}" name="${name}" value="${value}" type="text" inputmode="${inputmode}" autocomplete="${autocomplete}" autofocus
                   aria-describedby="<#if hint?has_content>${name}-hint </#if>input-error-${name}"
                   aria-invalid="<#if messagesPerField.existsError(name)>true</#if>"/>
        </span>
        <#if hint?has_content>
            <div class="${properties.kcFormHelperTextClass}"><span id="${name}-hint" class="${properties.kcInputHelperTextItemTextClass!}">${hint}</span></div>
        </#if>
        <@error name=name/>
    </div>
</#macro>

<#macro continuar label="ansesContinuar" name="continuar">
    <div class="${properties.kcFormGroupClass}">
        <div class="${properties.kcFormActionGroupClass}">
            <button class="${properties.kcButtonPrimaryClass} ${properties.kcButtonBlockClass}" id="anses-${name}" name="${name}" type="submit">${msg(label)}</button>
        </div>
    </div>
</#macro>
