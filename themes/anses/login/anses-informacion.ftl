<#-- "Más información sobre la Clave de la Seguridad Social" (informacion.InformacionResource), linked from the login
     page and, at its section "corporativa", from Finalizar (seed 002). Texts from seeds 000-003. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("ansesInformacionTitulo")}
    <#elseif section = "form">
        <div id="anses-informacion">
            <section id="clave" aria-labelledby="anses-informacion-que-es">
                <h2 class="anses-subtitulo" id="anses-informacion-que-es">${msg("ansesInformacionQueEsTitulo")}</h2>
                <p>${msg("ansesInformacionQueEs")}</p>
                <h2 class="anses-subtitulo">${msg("ansesInformacionNivelesTitulo")}</h2>
                <ul class="anses-politicas">
                    <li>${msg("ansesInformacionNivel2")}</li>
                    <li>${msg("ansesInformacionNivel3")}</li>
                </ul>
                <h2 class="anses-subtitulo">${msg("ansesInformacionCrearTitulo")}</h2>
                <p>${msg("ansesInformacionCrear")}</p>
                <p>${msg("ansesInformacionExterior")}</p>
                <p>${msg("ansesInformacionOlvido")}</p>
                <h2 class="anses-subtitulo">${msg("ansesInformacionSeguridadTitulo")}</h2>
                <ul class="anses-politicas">
                    <#list 1..4 as i><li>${msg("ansesInformacionSeguridad" + i)}</li></#list>
                </ul>
            </section>
            <section id="corporativa" aria-labelledby="anses-informacion-corporativa">
                <h2 class="anses-subtitulo" id="anses-informacion-corporativa">${msg("ansesInformacionCorporativaTitulo")}</h2>
                <p>${msg("ansesInformacionCorporativa")}</p>
                <ul class="anses-politicas">
                    <li>${msg("ansesAppServiciosCorporativos")}</li>
                    <li>${msg("ansesAppCambioLugarCobro")}</li>
                    <li>${msg("ansesAppReparacionHistorica")}</li>
                </ul>
                <p>${msg("ansesComoNivel3")}</p>
                <p>${msg("ansesInformacionCorporativaUsi07")}</p>
                <p>${msg("ansesInformacionCorporativaCompromiso")}</p>
            </section>
        </div>
        <p><a id="anses-volver" href="${ansesMiAnsesUrl}">${msg("ansesVolverAMiAnses")}</a></p>
    </#if>
</@layout.registrationLayout>
