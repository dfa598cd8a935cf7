<#-- The staff desk, "Escritorio de ANSES" (escritorio.EscritorioResource): one page for office clerks (role
     anses-oficina) and Línea 130 operators (role anses-linea-130). It holds no data: resources/js/anses-escritorio.js
     logs her in through the realm (client anses-escritorio, PKCE) and calls the admin endpoints with her own token,
     showing only the sections of her roles. Texts that the script writes come from data-mensajes (the same bundle). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("ansesEscritorioTitulo")}
    <#elseif section = "form">
        <div id="anses-escritorio" data-realm="${ansesEscritorioRealm}" data-admin="${ansesEscritorioAdmin}"
             data-url="${ansesEscritorioUrl}" data-cliente="${ansesEscritorioCliente}" data-mensajes="${ansesEscritorioMensajes}">
            <p id="esc-estado" role="status">${msg("ansesEscritorioIngresando")}</p>
            <noscript><p class="anses-nota">${msg("ansesEscritorioSinJavascript")}</p></noscript>
            <div id="esc-sesion" class="anses-escritorio-sesion" hidden>
                <p id="esc-quien"></p>
                <button id="esc-salir" type="button" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}">${msg("ansesEscritorioSalir")}</button>
            </div>

            <section id="esc-oficina" class="anses-escritorio-seccion" aria-labelledby="esc-oficina-titulo" hidden>
                <h2 id="esc-oficina-titulo">${msg("ansesEscritorioOficinaTitulo")}</h2>
                <form id="esc-buscar" class="anses-escritorio-fila" novalidate="novalidate">
                    <div class="anses-escritorio-campo">
                        <label for="esc-cuil" class="${properties.kcFormLabelClass!}">${msg("ansesEscritorioCuilLabel")}</label>
                        <span class="${properties.kcInputClass!}">
                            <input id="esc-cuil" name="cuil" type="text" inputmode="numeric" autocomplete="off" spellcheck="false"
                                   aria-describedby="esc-cuil-ayuda"/>
                        </span>
                        <p id="esc-cuil-ayuda" class="anses-nota">${msg("ansesEscritorioCuilAyuda")}</p>
                    </div>
                    <button id="esc-buscar-boton" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}">${msg("ansesEscritorioBuscar")}</button>
                </form>

                <div id="esc-ficha" class="anses-escritorio-ficha" tabindex="-1" aria-labelledby="esc-ficha-titulo" hidden>
                    <h3 id="esc-ficha-titulo"></h3>
                    <dl id="esc-datos"></dl>
                </div>

                <form id="esc-habilitar" class="anses-escritorio-tarea" aria-labelledby="esc-habilitar-titulo" novalidate="novalidate" hidden>
                    <h3 id="esc-habilitar-titulo">${msg("ansesEscritorioHabilitarTitulo")}</h3>
                    <p class="anses-nota">${msg("ansesEscritorioHabilitarAyuda")}</p>
                    <label for="esc-codigo" class="${properties.kcFormLabelClass!}">${msg("ansesEscritorioCodigoLabel")}</label>
                    <span class="${properties.kcInputClass!}">
                        <input id="esc-codigo" name="codigo" type="text" autocomplete="off" spellcheck="false" aria-describedby="esc-codigo-ayuda"/>
                    </span>
                    <p id="esc-codigo-ayuda" class="anses-nota">${msg("ansesEscritorioCodigoAyuda")}</p>
                    <fieldset class="anses-escritorio-opciones">
                        <legend>${msg("ansesEscritorioComoLlego")}</legend>
                        <div class="pf-v5-c-radio">
                            <input class="pf-v5-c-radio__input" type="radio" id="esc-habilitar-2" name="nivel" value="2"/>
                            <label class="pf-v5-c-radio__label" for="esc-habilitar-2">${msg("ansesEscritorioPorCorreo")}</label>
                        </div>
                        <div class="pf-v5-c-radio">
                            <input class="pf-v5-c-radio__input" type="radio" id="esc-habilitar-3" name="nivel" value="3" checked/>
                            <label class="pf-v5-c-radio__label" for="esc-habilitar-3">${msg("ansesEscritorioEnPersona")}</label>
                        </div>
                    </fieldset>
                    <button id="esc-habilitar-boton" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}">${msg("ansesEscritorioHabilitar")}</button>
                </form>

                <form id="esc-provisoria" class="anses-escritorio-tarea" aria-labelledby="esc-provisoria-titulo" novalidate="novalidate" hidden>
                    <h3 id="esc-provisoria-titulo">${msg("ansesEscritorioProvisoriaTitulo")}</h3>
                    <p class="anses-nota">${msg("ansesEscritorioProvisoriaAyuda")}</p>
                    <button id="esc-provisoria-boton" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}">${msg("ansesEscritorioProvisoria")}</button>
                </form>

                <form id="esc-nivel" class="anses-escritorio-tarea" aria-labelledby="esc-nivel-titulo" novalidate="novalidate" hidden>
                    <h3 id="esc-nivel-titulo">${msg("ansesEscritorioNivelTitulo")}</h3>
                    <p class="anses-nota">${msg("ansesEscritorioNivelAyuda")}</p>
                    <fieldset class="anses-escritorio-opciones">
                        <legend>${msg("ansesEscritorioNivelNuevo")}</legend>
                        <div class="pf-v5-c-radio">
                            <input class="pf-v5-c-radio__input" type="radio" id="esc-nivel-2" name="nivel" value="2"/>
                            <label class="pf-v5-c-radio__label" for="esc-nivel-2">${msg("ansesEscritorioNivel2")}</label>
                        </div>
                        <div class="pf-v5-c-radio">
                            <input class="pf-v5-c-radio__input" type="radio" id="esc-nivel-3" name="nivel" value="3" checked/>
                            <label class="pf-v5-c-radio__label" for="esc-nivel-3">${msg("ansesEscritorioNivel3")}</label>
                        </div>
                    </fieldset>
                    <button id="esc-nivel-boton" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}">${msg("ansesEscritorioCambiarNivel")}</button>
                </form>

                <form id="esc-desbloquear" class="anses-escritorio-tarea" aria-labelledby="esc-desbloquear-titulo" novalidate="novalidate" hidden>
                    <h3 id="esc-desbloquear-titulo">${msg("ansesEscritorioDesbloquearTitulo")}</h3>
                    <p class="anses-nota">${msg("ansesEscritorioDesbloquearAyuda")}</p>
                    <button id="esc-desbloquear-boton" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}">${msg("ansesEscritorioDesbloquear")}</button>
                </form>

                <form id="esc-usi07" class="anses-escritorio-tarea" aria-labelledby="esc-usi07-titulo" novalidate="novalidate">
                    <h3 id="esc-usi07-titulo">${msg("ansesEscritorioUsi07Titulo")}</h3>
                    <label for="esc-usi07-codigo" class="${properties.kcFormLabelClass!}">${msg("ansesEscritorioCodigoLabel")}</label>
                    <span class="${properties.kcInputClass!}">
                        <input id="esc-usi07-codigo" name="codigo" type="text" autocomplete="off" spellcheck="false" aria-describedby="esc-usi07-ayuda"/>
                    </span>
                    <p id="esc-usi07-ayuda" class="anses-nota">${msg("ansesEscritorioCodigoAyuda")}</p>
                    <button id="esc-usi07-boton" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}">${msg("ansesEscritorioVerificar")}</button>
                </form>

                <div id="esc-resultado" class="anses-escritorio-resultado" role="status" tabindex="-1"></div>
            </section>

            <section id="esc-linea130" class="anses-escritorio-seccion" aria-labelledby="esc-linea130-titulo" hidden>
                <h2 id="esc-linea130-titulo">${msg("ansesLinea130Titulo")}</h2>
                <p class="anses-nota">${msg("ansesLinea130Recordatorio")}</p>
                <form id="l130-buscar" class="anses-escritorio-fila" novalidate="novalidate">
                    <div class="anses-escritorio-campo">
                        <label for="l130-cuil" class="${properties.kcFormLabelClass!}">${msg("ansesLinea130CuilLabel")}</label>
                        <span class="${properties.kcInputClass!}">
                            <input id="l130-cuil" name="cuil" type="text" inputmode="numeric" autocomplete="off" spellcheck="false"/>
                        </span>
                    </div>
                    <button id="l130-empezar" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}">${msg("ansesLinea130Empezar")}</button>
                </form>
                <form id="l130-preguntas" class="anses-escritorio-tarea" aria-labelledby="l130-preguntas-titulo" novalidate="novalidate" hidden>
                    <h3 id="l130-preguntas-titulo" tabindex="-1">${msg("ansesLinea130PreguntasTitulo")}</h3>
                    <p class="anses-nota">${msg("ansesLinea130PreguntasAyuda")}</p>
                    <div id="l130-lista"></div>
                    <button id="l130-enviar" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}">${msg("ansesLinea130Enviar")}</button>
                </form>
                <div id="l130-resultado" class="anses-escritorio-resultado" role="status" tabindex="-1"></div>
            </section>

            <p id="esc-sin-tareas" hidden>${msg("ansesEscritorioSinTareas")}</p>
        </div>
        <script src="${url.resourcesPath}/js/anses-escritorio.js" defer></script>
    </#if>
</@layout.registrationLayout>
