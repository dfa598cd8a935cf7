// The account console's selects (Idioma, Nivel de la clave) are PatternFly menu toggles named by a fixed aria-label
// ("Idioma", "Seleccionar una opción") while they show their value ("Elegir…", "2"): a speech-input user who says what
// she sees names nothing (WCAG 2.5.3, axe's label-content-name-mismatch). Each toggle in a form group is named here by
// its field's visible label and its visible value, as the pattern for a select with a value goes; aria-labelledby wins
// over the aria-label the console sets, and React leaves an attribute it never set alone. No text of its own.
let siguiente = 0;

function conId(elemento) {
  if (!elemento.id) {
    siguiente += 1;
    elemento.id = "anses-nombre-" + siguiente;
  }
  return elemento.id;
}

function nombrar(raiz) {
  for (const boton of raiz.querySelectorAll(".pf-v5-c-form__group .pf-v5-c-menu-toggle")) {
    const grupo = boton.closest(".pf-v5-c-form__group");
    const etiqueta = grupo.querySelector(".pf-v5-c-form__label-text") || grupo.querySelector(".pf-v5-c-form__label");
    const valor = boton.querySelector(".pf-v5-c-menu-toggle__text");
    if (!etiqueta || !valor) {
      continue;
    }
    const nombre = conId(etiqueta) + " " + conId(valor);
    if (boton.getAttribute("aria-labelledby") !== nombre) {
      boton.setAttribute("aria-labelledby", nombre);
    }
  }
}

new MutationObserver(() => nombrar(document)).observe(document.documentElement, { childList: true, subtree: true });
nombrar(document);
