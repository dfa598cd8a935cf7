<#ftl output_format="plainText">
<#-- From where a change was made, shared by the HTML and text notices. -->
<#if porOficina>${msg("ansesAvisoDondeOficina")}<#elseif navegador?has_content && sistema?has_content>${msg("ansesAvisoDondeNavegador", navegador, sistema, ip)}<#elseif navegador?has_content>${msg("ansesAvisoDondeNavegadorSinSistema", navegador, ip)}<#elseif ip?has_content>${msg("ansesAvisoDondeDireccion", ip)}<#else>${msg("ansesAvisoDondeDesconocido")}</#if>
