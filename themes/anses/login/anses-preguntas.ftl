<#import "template.ftl" as layout>
<#import "anses-fields.ftl" as anses>
<@layout.registrationLayout; section>
    <#if section = "header">
        <#if ansesHabilitacion??>${msg("ansesHabilitarClaveTitulo")}<#else>${msg("ansesCrearClavePaso", 3)}</#if>
    <#elseif section = "form">
        <p class="anses-intro">${msg("ansesPreguntasIntro")}</p>
        <form id="anses-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#list preguntas as pregunta>
                <fieldset class="${properties.kcFormGroupClass} anses-pregunta" id="pregunta-${pregunta?index}">
                    <legend class="${properties.kcFormLabelClass}">${msg(pregunta.tipo().messageKey())}</legend>
                    <#list pregunta.opciones() as opcion>
                        <div class="pf-v5-c-radio">
                            <input class="pf-v5-c-radio__input" type="radio" id="respuesta-${pregunta?index}-${opcion?index}"
                                   name="respuesta-${pregunta?index}" value="${opcion?index}"/>
                            <label class="pf-v5-c-radio__label" for="respuesta-${pregunta?index}-${opcion?index}">${opcion}</label>
                        </div>
                    </#list>
                    <div class="pf-v5-c-radio">
                        <input class="pf-v5-c-radio__input" type="radio" id="respuesta-${pregunta?index}-ninguna"
                               name="respuesta-${pregunta?index}" value="${pregunta.ninguna()}"/>
                        <label class="pf-v5-c-radio__label" for="respuesta-${pregunta?index}-ninguna">${msg("ansesNingunaDeEsas")}</label>
                    </div>
                </fieldset>
            </#list>
            <@anses.continuar/>
        </form>
    </#if>
</@layout.registrationLayout>
