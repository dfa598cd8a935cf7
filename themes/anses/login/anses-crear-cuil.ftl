<#import "template.ftl" as layout>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('cuil','robot'); section>
    <#if section = "header">
        ${msg("ansesCrearClavePaso", 1)}
    <#elseif section = "form">
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@anses.text name="cuil" label=msg("ansesIngresaTuCuil") value=cuilIngresado inputmode="numeric" autocomplete="username" hint=msg("ansesCuilHint")/>
            <#if antiRobot>
                <div class="${properties.kcFormGroupClass} anses-robot" id="anses-robot"
                     data-salt="${robot.salt()}" data-challenge="${robot.challenge()}" data-maximo="${robot.maximo()?c}">
                    <div class="${properties.kcCheckboxClass}">
                        <input class="${properties.kcCheckboxInputClass}" type="checkbox" id="anses-robot-check"
                               aria-describedby="anses-robot-estado input-error-robot"/>
                        <label class="${properties.kcCheckboxLabelClass}" for="anses-robot-check">${msg("ansesNoSoyUnRobot")}</label>
                    </div>
                    <input type="hidden" id="robot" name="robot" value=""/>
                    <p id="anses-robot-estado" class="anses-nota" aria-live="polite"
                       data-calculando="${msg('ansesRobotCalculando')}" data-listo="${msg('ansesRobotListo')}">${msg("ansesRobotAyuda")}</p>
                    <noscript><p class="anses-nota">${msg("ansesRobotSinJavascript")}</p></noscript>
                    <@anses.error name="robot"/>
                </div>
                <script src="${url.resourcesPath}/js/anses-robot.js" defer></script>
            </#if>
            <@anses.continuar/>
        </form>
    </#if>
</@layout.registrationLayout>
