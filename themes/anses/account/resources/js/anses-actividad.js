// "Actividad de tu cuenta" (issue 22): a page of Keycloak's own account console, listed in this theme's content.json
// ("modulePath"), which the console loads as an ES module and renders as a React component. No build step: React comes
// from the console's import map. Every text is a message key of the account theme: the page's own (the console's
// translations, the same JSON it loads) and each entry's, resolved by GET /realms/{realm}/anses-actividad
// (actividad.ActividadResource), which reads the citizen from the console's bearer token and nothing else.
import { jsx, jsxs } from "react/jsx-runtime";
import { useEffect, useRef, useState } from "react";

function entorno() {
  return JSON.parse(document.getElementById("environment").textContent);
}

function unir(base, ...partes) {
  return [base.replace(/\/+$/, ""), ...partes.map((p) => p.replace(/^\/+|\/+$/g, ""))].join("/");
}

// The console keeps its keycloak-js instance in a React context that it does not export to pages like this one: it is
// the value of the nearest provider above this page that holds { environment, keycloak }.
function keycloakDe(elemento) {
  const clave = Object.keys(elemento).find((k) => k.startsWith("__reactFiber$"));
  for (let fibra = clave ? elemento[clave] : null; fibra; fibra = fibra.return) {
    const valor = fibra.memoizedProps && fibra.memoizedProps.value;
    if (valor && valor.keycloak && typeof valor.keycloak.updateToken === "function") {
      return valor.keycloak;
    }
  }
  return null;
}

async function token(keycloak) {
  try {
    await keycloak.updateToken(5);
  } catch {
    await keycloak.login();
  }
  return keycloak.token;
}

async function textos(env) {
  const respuesta = await fetch(unir(env.serverBaseUrl, "resources", env.realm, "account", env.locale));
  const lista = await respuesta.json();
  return Object.fromEntries(lista.map(({ key, value }) => [key, value]));
}

async function actividad(env, keycloak) {
  const respuesta = await fetch(unir(env.serverBaseUrl, "realms", env.realm, "anses-actividad"), {
    headers: { Authorization: "Bearer " + (await token(keycloak)), Accept: "application/json", "Accept-Language": env.locale },
  });
  if (!respuesta.ok) {
    throw new Error("anses-actividad answered " + respuesta.status);
  }
  return (await respuesta.json()).entradas;
}

function Entrada({ entrada, indice, t }) {
  const que = "anses-actividad-que-" + indice;
  const dato = (clave, valor) =>
    jsxs("div", { className: "anses-actividad-dato", children: [jsx("dt", { children: t(clave) }), jsx("dd", { children: valor })] });
  return jsxs("li", {
    className: "anses-actividad-entrada",
    children: [
      jsx("p", { id: que, className: "anses-actividad-que", children: entrada.que }),
      jsxs("dl", {
        className: "anses-actividad-datos",
        children: [
          dato("ansesActividadCuando", jsx("time", { dateTime: entrada.cuandoIso, children: entrada.cuando })),
          dato("ansesActividadDonde", entrada.donde),
          dato("ansesActividadAplicacion", entrada.aplicacion),
        ],
      }),
      entrada.noFuiYo
        ? jsx("a", {
            className: "anses-actividad-no-fui-yo",
            href: entrada.noFuiYo,
            "aria-describedby": que,
            children: t("ansesActividadNoFuiYoEnlace"),
          })
        : null,
    ],
  });
}

export default function Actividad() {
  const raiz = useRef(null);
  const [mensajes, setMensajes] = useState(null);
  const [entradas, setEntradas] = useState(null);
  const [fallo, setFallo] = useState(false);

  useEffect(() => {
    let vigente = true;
    const env = entorno();
    (async () => {
      let leidos = {};
      try {
        leidos = await textos(env);
      } finally {
        if (vigente) {
          setMensajes(leidos);
        }
      }
      const keycloak = raiz.current ? keycloakDe(raiz.current) : null;
      if (!keycloak) {
        throw new Error("no keycloak instance above the page");
      }
      const lista = await actividad(env, keycloak);
      if (vigente) {
        setEntradas(lista);
      }
    })().catch((error) => {
      console.warn("Actividad de tu cuenta", error);
      if (vigente) {
        setFallo(true);
      }
    });
    return () => {
      vigente = false;
    };
  }, []);

  const t = (clave) => (mensajes && mensajes[clave]) || "";
  let contenido;
  if (fallo) {
    contenido = jsx("p", { id: "anses-actividad-error", role: "alert", className: "anses-actividad-error", children: t("ansesActividadError") });
  } else if (entradas === null) {
    contenido = jsx("p", { id: "anses-actividad-cargando", role: "status", children: t("ansesActividadCargando") });
  } else if (entradas.length === 0) {
    contenido = jsx("p", { id: "anses-actividad-vacia", children: t("ansesActividadVacia") });
  } else {
    contenido = jsxs("div", {
      children: [
        entradas.some((e) => e.noFuiYo) ? jsx("p", { className: "anses-actividad-ayuda", children: t("ansesActividadNoFuiYoAyuda") }) : null,
        jsx("ol", {
          id: "anses-actividad",
          className: "anses-actividad",
          children: entradas.map((entrada, i) => jsx(Entrada, { entrada, indice: i, t }, entrada.id || i)),
        }),
      ],
    });
  }
  return jsx("div", {
    ref: raiz,
    className: "anses-actividad-pagina",
    children: mensajes === null
      ? null
      : [
          jsx("section", {
            className: "pf-v5-c-page__main-section pf-m-light",
            children: jsxs("div", {
              className: "pf-v5-c-content",
              children: [
                jsx("h1", { className: "pf-v5-c-title pf-m-2xl", "data-testid": "page-heading", children: t("ansesActividad") }),
                jsx("p", { children: t("ansesActividadDescripcion") }),
              ],
            }),
          }, "titulo"),
          jsx("section", { className: "pf-v5-c-page__main-section pf-m-light", children: contenido }, "contenido"),
        ],
  });
}
