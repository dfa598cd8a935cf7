<#import "field.ftl" as field>
<#import "anses-fields.ftl" as anses>
<#-- The new clave twice, the rules it broke (all of them, from the server) and the live checklist of the
     realm's policy (the same rules, checked in the page as the citizen types). -->
<#macro campos clave="clave" confirmacion="confirmacion" labelClave="ansesElijaUnaClave" labelConfirmacion="ansesConfirmeSuClave">
    <@field.password name=clave label=msg(labelClave) error=messagesPerField.get(clave) autocomplete="new-password"/>
    <@anses.teclado campo=clave etiqueta=msg(labelClave)/>
    <#if reglasIncumplidas?? && reglasIncumplidas?has_content>
        <ul id="anses-reglas-incumplidas" class="anses-reglas-incumplidas" aria-live="polite">
            <#list reglasIncumplidas as regla><li>${regla}</li></#list>
        </ul>
    </#if>
    <#if reglasClave?? && reglasClave?has_content>
        <div id="anses-checklist" class="anses-checklist" data-campo="${clave}"
             data-cumple="${msg('ansesReglaCumple')}" data-incumple="${msg('ansesReglaIncumple')}" data-pendiente="${msg('ansesReglaPendiente')}">
            <p>${msg("ansesReglasTitulo")}</p>
            <ul>
                <#list reglasClave as regla>
                    <li data-chequeo="${regla.chequeo()}" data-limite="${regla.limite()?c}" data-estado="pendiente">
                        <span class="anses-check-icono" aria-hidden="true"></span>
                        <span class="anses-check-texto">${regla.texto()}</span>
                        <span class="anses-sr anses-check-estado"></span>
                        <#if regla.chequeo() == "servidor"><span class="anses-nota">${msg("ansesReglaServidor")}</span></#if>
                    </li>
                </#list>
            </ul>
        </div>
        <script src="${url.resourcesPath}/js/anses-checklist.js" defer></script>
    </#if>
    <@field.password name=confirmacion label=msg(labelConfirmacion) error=messagesPerField.get(confirmacion) autocomplete="new-password"/>
    <@anses.teclado campo=confirmacion etiqueta=msg(labelConfirmacion)/>
</#macro>
