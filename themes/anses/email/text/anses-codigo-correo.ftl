<#ftl output_format="plainText">
<#-- The text part of html/anses-codigo-correo.ftl: the same texts in the same order. -->
${msg("ansesAvisoMarca")}

<#if (user.firstName)?has_content>${msg("ansesAvisoSaludo", user.firstName)}<#else>${msg("ansesAvisoSaludoSinNombre")}</#if>

${msg("ansesCodigoCorreoTexto")}

    ${codigo}

${msg("ansesCodigoCorreoVigencia", minutos)}

${msg("ansesCodigoCorreoNoFuiste")}

${msg("ansesCodigoCorreoNoCompartas")}
${msg("ansesAvisoAutomatico")}
