<#-- The code that confirms the address typed at Crear clave (crearclave.ConfirmaCorreoAuthenticator): the code, how long
     it lasts, what to do if it was not the citizen. Never a CUIL, a DNI or a clave: the template is given none. -->
<#import "template.ftl" as layout>
<@layout.emailLayout>
<div style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #333333; max-width: 600px;">
  <p style="font-size: 14px; color: #0072bb; font-weight: bold; margin: 0 0 16px 0;">${msg("ansesAvisoMarca")}</p>
  <p><#if (user.firstName)?has_content>${msg("ansesAvisoSaludo", user.firstName)}<#else>${msg("ansesAvisoSaludoSinNombre")}</#if></p>
  <p>${msg("ansesCodigoCorreoTexto")}</p>
  <p id="anses-codigo" style="font-size: 32px; font-weight: bold; letter-spacing: 8px; margin: 16px 0;">${codigo}</p>
  <p>${msg("ansesCodigoCorreoVigencia", minutos)}</p>
  <div style="border-left: 4px solid #e7ba61; padding: 8px 16px; background: #fcf8e3;">
    <p style="margin: 0;">${msg("ansesCodigoCorreoNoFuiste")}</p>
  </div>
  <p style="font-size: 14px;">${msg("ansesCodigoCorreoNoCompartas")}</p>
  <p style="font-size: 12px; color: #666666;">${msg("ansesAvisoAutomatico")}</p>
</div>
</@layout.emailLayout>
