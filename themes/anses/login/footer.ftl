<#macro content>
<nav id="anses-footer" class="anses-footer" aria-label="${msg('ansesFooterLabel')}">
    <a id="anses-manual" href="${properties.ansesManualUrl}" target="_blank" rel="noopener">${msg("ansesManualDeUsuario")}</a>
    <a id="anses-faq" href="${properties.ansesFaqUrl}" target="_blank" rel="noopener">${msg("ansesPreguntasFrecuentes")}</a>
</nav>
</#macro>
