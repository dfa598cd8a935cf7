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

<#-- The virtual keyboard for a clave field, for public computers (seed 002: "podés utilizar el teclado virtual").
     Letters and numbers only, as the clave. Its keys are built by anses-teclado.js, which also shows the button:
     without scripts there is nothing to show. The theme property ansesTecladoMezclado=true shuffles the keys
     every time it opens. -->
<#macro teclado campo etiqueta>
    <div class="anses-teclado" data-anses-teclado="${campo}" data-mezclar="${(properties.ansesTecladoMezclado!'false')}"
         data-mayus="${msg('ansesTecladoMayus')}" data-borrar="${msg('ansesTecladoBorrar')}" data-cerrar="${msg('ansesTecladoCerrar')}"
         data-cuenta="${msg('ansesTecladoCuenta')}">
        <button type="button" class="anses-boton-enlace anses-teclado__abrir" id="${campo}-teclado-abrir"
                aria-expanded="false" aria-controls="${campo}-teclado" hidden>
            <span aria-hidden="true">⌨</span> ${msg("ansesTecladoVirtual")}
        </button>
        <div id="${campo}-teclado" class="anses-teclado__panel" role="group" aria-label="${msg('ansesTecladoDe', etiqueta)}" hidden>
            <p class="anses-nota" id="${campo}-teclado-ayuda">${msg("ansesTecladoAyuda")}</p>
            <div class="anses-teclado__teclas"></div>
            <p class="anses-teclado__estado" aria-live="polite"></p>
        </div>
    </div>
    <script src="${url.resourcesPath}/js/anses-teclado.js" defer></script>
</#macro>

<#-- "No soy un robot": the proof of work of DesafioRobot, solved by anses-robot.js when the box is ticked. Crear clave
     always asks for it; the login asks when its address spent its budget of failed claves or the realm's alarm is on. -->
<#macro robot desafio>
    <div class="${properties.kcFormGroupClass} anses-robot" id="anses-robot"
         data-salt="${desafio.salt()}" data-challenge="${desafio.challenge()}" data-maximo="${desafio.maximo()?c}">
        <div class="${properties.kcCheckboxClass}">
            <input class="${properties.kcCheckboxInputClass}" type="checkbox" id="anses-robot-check"
                   aria-describedby="anses-robot-estado input-error-robot"/>
            <label class="${properties.kcCheckboxLabelClass}" for="anses-robot-check">${msg("ansesNoSoyUnRobot")}</label>
        </div>
        <input type="hidden" id="robot" name="robot" value=""/>
        <p id="anses-robot-estado" class="anses-nota" aria-live="polite"
           data-calculando="${msg('ansesRobotCalculando')}" data-listo="${msg('ansesRobotListo')}">${msg("ansesRobotAyuda")}</p>
        <noscript><p class="anses-nota">${msg("ansesRobotSinJavascript")}</p></noscript>
        <@error name="robot"/>
    </div>
    <script src="${url.resourcesPath}/js/anses-robot.js" defer></script>
</#macro>

<#-- "Ver más información…" (seed 002): our page informacion.InformacionResource, or the address a realm attribute
     names (ansesInformacionUrl, ansesInformacionCorporativaUrl). Opens in a new tab, as "No sé mi CUIL": the login
     or the journey stays where it was. -->
<#macro informacion id label atributo seccion="">
    <#assign propia = url.loginRestartFlowUrl?keep_before("/login-actions/") + "/anses-informacion" + seccion?has_content?then("#" + seccion, "")>
    <#assign configurada = (realm.attributes[atributo])!"">
    <p class="anses-mas-informacion"><a id="${id}" href="${configurada?has_content?then(configurada, propia)}" target="_blank" rel="noopener">${msg(label)}</a></p>
</#macro>
