<#-- One template for every notice of an account change (avisos.TipoAviso): what, when, from where, and what to do
     if it was not the citizen. Every text is a message key; the attributes come from avisos.EnvioAvisos. -->
<#import "template.ftl" as layout>
<@layout.emailLayout>
<div style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #333333; max-width: 600px;">
  <p style="font-size: 14px; color: #0072bb; font-weight: bold; margin: 0 0 16px 0;">${msg("ansesAvisoMarca")}</p>
  <p><#if (user.firstName)?has_content>${msg("ansesAvisoSaludo", user.firstName)}<#else>${msg("ansesAvisoSaludoSinNombre")}</#if></p>
  <p id="anses-aviso-que">${msg(avisoTexto, nivelAnterior, nivelNuevo)}</p>
  <#if bajoElNivel && avisoTipo == "CLAVE_RECUPERADA">
  <p id="anses-aviso-nivel">${msg("ansesAvisoNivelBajoPorRecuperacion", nivelAnterior, nivelNuevo)}</p>
  </#if>
  <table role="presentation" style="border-collapse: collapse; margin: 16px 0;">
    <tr><th scope="row" style="text-align: left; padding: 4px 16px 4px 0;">${msg("ansesAvisoCuandoEtiqueta")}</th>
        <td style="padding: 4px 0;">${msg("ansesAvisoCuando", cuando)}</td></tr>
    <tr><th scope="row" style="text-align: left; padding: 4px 16px 4px 0;">${msg("ansesAvisoDondeEtiqueta")}</th>
        <td style="padding: 4px 0;"><#include "anses-aviso-donde.ftl"></td></tr>
  </table>
  <#if claveSegura>
  <div style="border-left: 4px solid #2e7d32; padding: 8px 16px; background: #edf7ed;" id="anses-aviso-clave-segura">
    <p style="font-weight: bold; margin: 0 0 8px 0;">${msg("ansesAvisoClaveSeguraTitulo")}</p>
    <p style="margin: 0 0 8px 0;">${msg("ansesAvisoClaveSeguraTexto")}</p>
    <p style="margin: 0 0 8px 0;">${msg("ansesAvisoClaveSeguraOlvide")}
      <#if olvideMiClaveUrl??><a href="${olvideMiClaveUrl}">${msg("ansesAvisoOlvideMiClave")}</a><#else>${msg("ansesAvisoOlvideMiClave")}</#if>.</p>
    <p style="margin: 0;">${msg("ansesAvisoNoFuisteOficina")}</p>
  </div>
  <#else>
  <div style="border-left: 4px solid #e7ba61; padding: 8px 16px; background: #fcf8e3;">
    <p style="font-weight: bold; margin: 0 0 8px 0;"><#if porOficina>${msg("ansesAvisoNoPedisteTitulo")}<#else>${msg("ansesAvisoNoFuisteTitulo")}</#if></p>
    <p style="margin: 0 0 8px 0;">${msg("ansesAvisoNoFuisteTexto")}
      <#if olvideMiClaveUrl??><a href="${olvideMiClaveUrl}">${msg("ansesAvisoOlvideMiClave")}</a><#else>${msg("ansesAvisoOlvideMiClave")}</#if></p>
    <#if noFuiYoUrl??>
    <p style="margin: 0 0 8px 0;" id="anses-aviso-no-fui-yo"><#if (noFuiYoDias > 0)>${msg("ansesAvisoEnlaceNoFuiYoTexto", noFuiYoDias)}<#else>${msg("ansesAvisoEnlaceNoFuiYoTextoHoras", noFuiYoHoras)}</#if>
      <a href="${noFuiYoUrl}">${msg("ansesAvisoEnlaceNoFuiYo")}</a></p>
    </#if>
    <p style="margin: 0;">${msg("ansesAvisoNoFuisteOficina")}</p>
  </div>
  </#if>
  <p style="font-size: 14px;">${msg("ansesAvisoNuncaPedimos")}</p>
  <p style="font-size: 12px; color: #666666;">${msg("ansesAvisoAutomatico")}</p>
</div>
</@layout.emailLayout>
