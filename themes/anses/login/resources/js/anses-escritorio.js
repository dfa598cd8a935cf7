// The staff desk (anses-escritorio.ftl). It logs the clerk or operator in through the realm with the public client
// anses-escritorio (authorization code + PKCE S256), keeps her tokens in memory only, and calls the admin endpoints of
// Clave SS with her own access token: the desk can do nothing her account cannot. Every text comes from data-mensajes.
(function () {
    'use strict';

    const raiz = document.getElementById('anses-escritorio');
    if (!raiz) {
        return;
    }
    const cfg = raiz.dataset;
    const M = JSON.parse(cfg.mensajes || '{}');
    const ZONA = 'America/Argentina/Buenos_Aires';
    const ROL_OFICINA = 'anses-oficina';
    const ROL_LINEA_130 = 'anses-linea-130';
    const $ = (id) => document.getElementById(id);
    let tokens = null;
    let cuilActual = null;
    let llamada = null;

    /** A message with its {0}, {1}… filled in. */
    function texto(clave, ...parametros) {
        const patron = M[clave] || clave;
        return patron.replace(/\{(\d+)\}/g, (_, i) => String(parametros[Number(i)] ?? ''));
    }

    function fecha(valor) {
        const d = typeof valor === 'number' ? new Date(valor * 1000) : new Date(valor);
        return d.toLocaleString('es-AR', {timeZone: ZONA, dateStyle: 'short', timeStyle: 'short'});
    }

    function cuilConGuiones(c) {
        return c.length === 11 ? c.slice(0, 2) + '-' + c.slice(2, 10) + '-' + c.slice(10) : c;
    }

    function soloDigitos(valor) {
        return (valor || '').replace(/[^0-9]/g, '');
    }

    // --- Logging in: authorization code with PKCE, the tokens in memory only ---

    function base64url(bytes) {
        return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function azar() {
        return base64url(crypto.getRandomValues(new Uint8Array(32)));
    }

    async function ingresar() {
        const verifier = azar();
        const state = azar();
        sessionStorage.setItem('anses-escritorio-pkce', JSON.stringify({verifier, state}));
        const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
        const url = new URL(cfg.realm + '/protocol/openid-connect/auth');
        url.search = new URLSearchParams({client_id: cfg.cliente, redirect_uri: cfg.url, response_type: 'code', scope: 'openid',
            state, code_challenge: challenge, code_challenge_method: 'S256'}).toString();
        location.assign(url.toString());
    }

    async function pedirTokens(parametros) {
        const respuesta = await fetch(cfg.realm + '/protocol/openid-connect/token', {method: 'POST',
            headers: {'Content-Type': 'application/x-www-form-urlencoded'},
            body: new URLSearchParams({client_id: cfg.cliente, ...parametros})});
        if (!respuesta.ok) {
            return null;
        }
        const t = await respuesta.json();
        return {access: t.access_token, refresh: t.refresh_token, id: t.id_token, vence: Date.now() + t.expires_in * 1000};
    }

    async function desdeElCodigo() {
        const q = new URLSearchParams(location.search);
        const guardado = JSON.parse(sessionStorage.getItem('anses-escritorio-pkce') || 'null');
        sessionStorage.removeItem('anses-escritorio-pkce');
        history.replaceState(null, '', cfg.url);
        if (!q.has('code') || !guardado || q.get('state') !== guardado.state) {
            return null;
        }
        return pedirTokens({grant_type: 'authorization_code', code: q.get('code'), redirect_uri: cfg.url,
            code_verifier: guardado.verifier});
    }

    async function token() {
        if (tokens && Date.now() > tokens.vence - 20000) {
            tokens = await pedirTokens({grant_type: 'refresh_token', refresh_token: tokens.refresh});
        }
        if (!tokens) {
            await ingresar();
            throw new Error('session ended');
        }
        return tokens.access;
    }

    function contenido(jwt) {
        const parte = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        return JSON.parse(decodeURIComponent(escape(atob(parte))));
    }

    /** An admin endpoint of the realm, with her token: {status, cuerpo}. */
    async function api(metodo, ruta, cuerpo) {
        const opciones = {method: metodo, headers: {Authorization: 'Bearer ' + await token(), Accept: 'application/json'}};
        if (cuerpo !== undefined) {
            opciones.headers['Content-Type'] = 'application/json';
            opciones.body = JSON.stringify(cuerpo);
        }
        const respuesta = await fetch(cfg.admin + '/' + ruta, opciones);
        const tipo = respuesta.headers.get('Content-Type') || '';
        const datos = tipo.includes('json') ? await respuesta.json().catch(() => null) : null;
        return {status: respuesta.status, cuerpo: datos};
    }

    // --- Showing results ---

    /** Writes a result (an array of paragraphs; a {clave} is shown apart, to be read out) and moves the focus there. */
    function anunciar(region, parrafos, tipo) {
        const destino = $(region);
        destino.replaceChildren();
        destino.className = 'anses-escritorio-resultado anses-escritorio-' + (tipo || 'hecho');
        for (const p of parrafos) {
            const elemento = document.createElement('p');
            if (typeof p === 'string') {
                elemento.textContent = p;
            } else {
                elemento.textContent = p.etiqueta + ' ';
                const clave = document.createElement('strong');
                clave.id = p.id;
                clave.className = 'anses-escritorio-clave';
                clave.textContent = p.clave;
                elemento.append(clave);
            }
            destino.append(elemento);
        }
        destino.focus();
    }

    function errorComun(status) {
        if (status === 403) {
            return texto('ansesEscritorioNoPermitido');
        }
        if (status === 404) {
            return texto('ansesEscritorioCuilInvalido');
        }
        return texto('ansesEscritorioError', status);
    }

    function dato(lista, termino, valor) {
        const dt = document.createElement('dt');
        dt.textContent = termino;
        const dd = document.createElement('dd');
        dd.textContent = valor;
        lista.append(dt, dd);
    }

    function mostrar(id, visible) {
        $(id).hidden = !visible;
    }

    // --- The clerk: a CUIL at the counter ---

    async function buscar(cuil) {
        for (const id of ['esc-ficha', 'esc-habilitar', 'esc-provisoria', 'esc-nivel', 'esc-desbloquear']) {
            mostrar(id, false);
        }
        const intentos = await api('GET', 'anses-verificacion/bloqueos/' + encodeURIComponent(cuil));
        if (intentos.status !== 200) {
            cuilActual = null;
            anunciar('esc-resultado', [errorComun(intentos.status)], 'error');
            return;
        }
        cuilActual = intentos.cuerpo.cuil;
        const [estado, habilitacion, cuentas] = await Promise.all([
            api('GET', 'anses-habilitacion/' + cuilActual),
            api('GET', 'anses-verificacion/habilitacion/bloqueos/' + cuilActual),
            api('GET', 'users?exact=true&briefRepresentation=true&username=' + cuilActual)]);
        const e = estado.status === 200 ? estado.cuerpo : {estadoClave: 'SIN_CLAVE'};
        const lista = $('esc-datos');
        lista.replaceChildren();
        $('esc-ficha-titulo').textContent = texto('ansesEscritorioFichaTitulo', cuilConGuiones(cuilActual));
        const cuenta = cuentas.status === 200 && Array.isArray(cuentas.cuerpo) ? cuentas.cuerpo[0] : null;
        if (cuenta && (cuenta.firstName || cuenta.lastName)) {
            dato(lista, texto('ansesEscritorioNombre'), [cuenta.firstName, cuenta.lastName].filter(Boolean).join(' '));
        }
        dato(lista, texto('ansesEscritorioEstado'), texto('ansesEscritorioEstado' + e.estadoClave));
        if (e.nivel) {
            dato(lista, texto('ansesEscritorioNivel'), String(e.nivel));
        }
        for (const s of e.solicitudes || []) {
            dato(lista, texto('ansesEscritorioSolicitud'), texto('ansesEscritorioSolicitudFechas', fecha(s.creada), fecha(s.vence)));
        }
        const bloqueo = intentos.cuerpo;
        dato(lista, texto('ansesEscritorioBloqueoCrearClave'), bloqueo.bloqueada
            ? texto('ansesEscritorioBloqueadaHasta', fecha(bloqueo.bloqueadaHasta), bloqueo.intentosFallidos)
            : texto('ansesEscritorioSinBloqueo', bloqueo.intentosFallidos));
        if (habilitacion.status === 200 && habilitacion.cuerpo.bloqueada) {
            dato(lista, texto('ansesEscritorioBloqueoHabilitacion'),
                texto('ansesEscritorioBloqueadaHasta', fecha(habilitacion.cuerpo.bloqueadaHasta), habilitacion.cuerpo.intentosFallidos));
        }
        mostrar('esc-ficha', true);
        mostrar('esc-habilitar', e.estadoClave === 'PENDIENTE');
        mostrar('esc-provisoria', e.estadoClave !== 'HABILITADA');
        mostrar('esc-nivel', e.estadoClave === 'HABILITADA');
        mostrar('esc-desbloquear', bloqueo.bloqueada);
        $('esc-resultado').replaceChildren();
        $('esc-ficha').focus();
    }

    async function habilitar(form) {
        const nivel = Number(new FormData(form).get('nivel'));
        const r = await api('POST', 'anses-habilitacion/' + cuilActual, {nivel, codigo: $('esc-codigo').value});
        if (r.status === 200) {
            await buscar(cuilActual);
            anunciar('esc-resultado', [texto('ansesEscritorioHabilitada', cuilConGuiones(cuilActual), r.cuerpo.nivel),
                texto('ansesEscritorioHabilitadaDecile')]);
        } else if (r.status === 400) {
            anunciar('esc-resultado', [texto('ansesEscritorioCodigoInvalido')], 'error');
        } else if (r.status === 409) {
            anunciar('esc-resultado', [curatela(r) || texto('ansesEscritorioCodigoNoCorresponde')], 'error');
        } else {
            anunciar('esc-resultado', [errorComun(r.status)], 'error');
        }
    }

    function curatela(r) {
        return r.cuerpo && r.cuerpo.codigo === 'anses_bajo_curatela' ? r.cuerpo.error : null;
    }

    async function claveProvisoria() {
        const r = await api('POST', 'anses-habilitacion/' + cuilActual + '/clave-provisoria');
        if (r.status === 200) {
            const cuil = cuilActual;
            await buscar(cuil);
            anunciar('esc-resultado', [texto('ansesEscritorioProvisoriaDada', cuilConGuiones(cuil), r.cuerpo.nivel),
                {etiqueta: texto('ansesEscritorioProvisoriaLeele'), clave: r.cuerpo.claveProvisoria, id: 'esc-clave-provisoria'},
                texto('ansesEscritorioProvisoriaDecile')]);
        } else if (r.status === 409) {
            anunciar('esc-resultado', [curatela(r) || texto('ansesEscritorioProvisoriaNo')], 'error');
        } else {
            anunciar('esc-resultado', [errorComun(r.status)], 'error');
        }
    }

    async function cambiarNivel(form) {
        const nivel = Number(new FormData(form).get('nivel'));
        const antes = await api('GET', 'anses-nivel/' + cuilActual);
        const r = await api('PUT', 'anses-nivel/' + cuilActual, {nivel});
        if (r.status === 204) {
            await buscar(cuilActual);
            anunciar('esc-resultado', [texto('ansesEscritorioNivelCambiado', cuilConGuiones(cuilActual), antes.cuerpo ? antes.cuerpo.nivel : '', nivel),
                texto(nivel === 3 ? 'ansesEscritorioNivel3Decile' : 'ansesEscritorioNivel2Decile')]);
        } else {
            anunciar('esc-resultado', [errorComun(r.status)], 'error');
        }
    }

    async function desbloquear() {
        const r = await api('DELETE', 'anses-verificacion/bloqueos/' + cuilActual);
        if (r.status === 204) {
            await buscar(cuilActual);
            anunciar('esc-resultado', [texto('ansesEscritorioDesbloqueada', cuilConGuiones(cuilActual)), texto('ansesEscritorioDesbloqueadaDecile')]);
        } else {
            anunciar('esc-resultado', [errorComun(r.status)], 'error');
        }
    }

    async function verificarUsi07() {
        const r = await api('GET', 'anses-usi07/' + encodeURIComponent($('esc-usi07-codigo').value.trim() || '-'));
        if (r.status === 200) {
            const f = r.cuerpo;
            const parrafos = [texto('ansesEscritorioUsi07De', cuilConGuiones(f.cuil)),
                texto('ansesEscritorioEstado') + ': ' + texto('ansesEscritorioEstado' + f.estadoClave),
                texto('ansesEscritorioUsi07Creada', fecha(f.fechaCreacionClave))];
            if (f.nombre || f.apellido) {
                parrafos.splice(1, 0, texto('ansesEscritorioUsi07Nombre', [f.nombre, f.apellido].filter(Boolean).join(' ')));
            }
            if (f.nivel) {
                parrafos.push(texto('ansesEscritorioNivel') + ': ' + f.nivel);
            }
            anunciar('esc-resultado', parrafos);
        } else if (r.status === 404) {
            anunciar('esc-resultado', [texto('ansesEscritorioUsi07NoEncontrado')], 'error');
        } else {
            anunciar('esc-resultado', [errorComun(r.status)], 'error');
        }
    }

    // --- Línea 130: a clave by phone ---

    async function empezarLlamada(cuil) {
        mostrar('l130-preguntas', false);
        llamada = null;
        const r = await api('POST', 'anses-linea-130/' + encodeURIComponent(cuil));
        if (r.status === 200 && r.cuerpo.preguntas) {
            llamada = {cuil: r.cuerpo.cuil, id: r.cuerpo.llamada};
            const lista = $('l130-lista');
            lista.replaceChildren();
            r.cuerpo.preguntas.forEach((p, i) => lista.append(pregunta(p, i)));
            $('l130-resultado').replaceChildren();
            mostrar('l130-preguntas', true);
            $('l130-preguntas-titulo').focus();
        } else {
            anunciarLlamada(r);
        }
    }

    function pregunta(p, i) {
        const grupo = document.createElement('fieldset');
        grupo.className = 'anses-escritorio-opciones anses-pregunta';
        grupo.id = 'l130-pregunta-' + i;
        const leyenda = document.createElement('legend');
        leyenda.textContent = p.texto;
        grupo.append(leyenda);
        p.opciones.forEach((opcion, j) => {
            const fila = document.createElement('div');
            fila.className = 'pf-v5-c-radio';
            const radio = document.createElement('input');
            radio.type = 'radio';
            radio.className = 'pf-v5-c-radio__input';
            radio.name = 'respuesta-' + i;
            radio.id = 'l130-respuesta-' + i + '-' + j;
            radio.value = String(j);
            const etiqueta = document.createElement('label');
            etiqueta.className = 'pf-v5-c-radio__label';
            etiqueta.htmlFor = radio.id;
            etiqueta.textContent = opcion;
            fila.append(radio, etiqueta);
            grupo.append(fila);
        });
        return grupo;
    }

    async function responder(form) {
        const datos = new FormData(form);
        const respuestas = [...$('l130-lista').querySelectorAll('fieldset')].map((_, i) => {
            const v = datos.get('respuesta-' + i);
            return v === null ? -1 : Number(v);
        });
        if (respuestas.includes(-1)) {
            anunciar('l130-resultado', [texto('ansesLinea130Incompletas')], 'error');
            return;
        }
        const r = await api('POST', 'anses-linea-130/' + llamada.cuil + '/respuestas', {llamada: llamada.id, respuestas});
        mostrar('l130-preguntas', false);
        anunciarLlamada(r);
    }

    /** What the operator tells the caller, from the endpoint's {resultado}. */
    function anunciarLlamada(r) {
        const c = r.cuerpo || {};
        if (r.status !== 200 || !c.resultado) {
            anunciar('l130-resultado', [r.status === 404 ? texto('ansesEscritorioCuilInvalido') : errorComun(r.status)], 'error');
            return;
        }
        const parrafos = [texto('ansesLinea130' + c.resultado, c.restantes, c.horas)];
        if (c.claveProvisoria) {
            parrafos.push({etiqueta: texto('ansesLinea130LeeleLaClave'), clave: c.claveProvisoria, id: 'l130-clave-provisoria'});
            parrafos.push(texto('ansesLinea130ClaveProvisoriaDecile'));
        }
        const bien = c.resultado === 'CORREO' || c.resultado === 'CLAVE_PROVISORIA';
        anunciar('l130-resultado', parrafos, bien ? 'hecho' : 'error');
    }

    // --- Wiring ---

    function alEnviar(id, accion) {
        $(id).addEventListener('submit', async (evento) => {
            evento.preventDefault();
            const boton = evento.target.querySelector('button[type=submit]');
            boton.disabled = true;
            $(id.startsWith('l130') ? 'l130-resultado' : 'esc-resultado').replaceChildren(); // no answer of the task before
            try {
                await accion(evento.target);
            } catch (e) {
                console.error(e);
                anunciar(id.startsWith('l130') ? 'l130-resultado' : 'esc-resultado', [texto('ansesEscritorioError', '-')], 'error');
            } finally {
                boton.disabled = false;
            }
        });
    }

    async function iniciar() {
        const q = new URLSearchParams(location.search);
        if (q.has('error')) {
            history.replaceState(null, '', cfg.url);
            $('esc-estado').textContent = texto('ansesEscritorioIngresoFallido');
            return;
        }
        tokens = q.has('code') ? await desdeElCodigo() : null;
        if (!tokens) {
            await ingresar();
            return;
        }
        const t = contenido(tokens.access);
        const roles = (t.realm_access && t.realm_access.roles) || [];
        $('esc-estado').textContent = '';
        $('esc-quien').textContent = texto('ansesEscritorioQuien', [t.given_name, t.family_name].filter(Boolean).join(' ') || cuilConGuiones(t.preferred_username || ''));
        mostrar('esc-sesion', true);
        mostrar('esc-oficina', roles.includes(ROL_OFICINA));
        mostrar('esc-linea130', roles.includes(ROL_LINEA_130));
        mostrar('esc-sin-tareas', !roles.includes(ROL_OFICINA) && !roles.includes(ROL_LINEA_130));
        const primero = roles.includes(ROL_OFICINA) ? $('esc-cuil') : roles.includes(ROL_LINEA_130) ? $('l130-cuil') : null;
        if (primero) {
            primero.focus();
        }
    }

    alEnviar('esc-buscar', () => buscar(soloDigitos($('esc-cuil').value) || '-'));
    alEnviar('esc-habilitar', habilitar);
    alEnviar('esc-provisoria', claveProvisoria);
    alEnviar('esc-nivel', cambiarNivel);
    alEnviar('esc-desbloquear', desbloquear);
    alEnviar('esc-usi07', verificarUsi07);
    alEnviar('l130-buscar', () => empezarLlamada(soloDigitos($('l130-cuil').value) || '-'));
    alEnviar('l130-preguntas', responder);
    $('esc-salir').addEventListener('click', () => {
        const url = new URL(cfg.realm + '/protocol/openid-connect/logout');
        url.search = new URLSearchParams({client_id: cfg.cliente, post_logout_redirect_uri: cfg.url,
            ...(tokens && tokens.id ? {id_token_hint: tokens.id} : {})}).toString();
        tokens = null;
        location.assign(url.toString());
    });
    iniciar().catch((e) => {
        console.error(e);
        $('esc-estado').textContent = texto('ansesEscritorioIngresoFallido');
    });
})();
