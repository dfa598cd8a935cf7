<#ftl output_format="plainText">
<#-- The text part of html/anses-aviso.ftl: the same texts in the same order. -->
${msg("ansesAvisoMarca")}

<#if (user.firstName)?has_content>${msg("ansesAvisoSaludo", user.firstName)}<#else>${msg("ansesAvisoSaludoSinNombre")}</#if>

${msg(avisoTexto, nivelAnterior, nivelNuevo)}
<#if bajoElNivel && avisoTipo == "CLAVE_RECUPERADA">
${msg("ansesAvisoNivelBajoPorRecuperacion", nivelAnterior, nivelNuevo)}
</#if>

${msg("ansesAvisoCuandoEtiqueta")} ${msg("ansesAvisoCuando", cuando)}
${msg("ansesAvisoDondeEtiqueta")} <#include "anses-aviso-donde.ftl">
<#-- the included line ends the paragraph -->
<#if claveSegura>
${msg("ansesAvisoClaveSeguraTitulo")}
${msg("ansesAvisoClaveSeguraTexto")}
${msg("ansesAvisoClaveSeguraOlvide")} ${msg("ansesAvisoOlvideMiClave")}<#if olvideMiClaveUrl??>: ${olvideMiClaveUrl}</#if>
<#else>
<#if porOficina>${msg("ansesAvisoNoPedisteTitulo")}<#else>${msg("ansesAvisoNoFuisteTitulo")}</#if>
${msg("ansesAvisoNoFuisteTexto")} ${msg("ansesAvisoOlvideMiClave")}<#if olvideMiClaveUrl??>: ${olvideMiClaveUrl}</#if>
<#if noFuiYoUrl??>
<#if (noFuiYoDias > 0)>${msg("ansesAvisoEnlaceNoFuiYoTexto", noFuiYoDias)}<#else>${msg("ansesAvisoEnlaceNoFuiYoTextoHoras", noFuiYoHoras)}</#if>
${msg("ansesAvisoEnlaceNoFuiYo")}: ${noFuiYoUrl}
</#if>
</#if>
${msg("ansesAvisoNoFuisteOficina")}

${msg("ansesAvisoNuncaPedimos")}
${msg("ansesAvisoAutomatico")}
