// The virtual keyboard (see anses-fields.ftl): buttons that type into the clave field, usable with the
// keyboard (Tab, Enter, Space) and a screen reader, which hears how many characters there are, never which.
(function () {
    "use strict";

    var FILAS = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

    function mezclar(texto) {
        var letras = texto.split("");
        for (var i = letras.length - 1; i > 0; i--) {
            var j = Math.floor(Math.random() * (i + 1));
            var t = letras[i];
            letras[i] = letras[j];
            letras[j] = t;
        }
        return letras.join("");
    }

    function boton(texto, clase) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "anses-teclado__tecla" + (clase ? " " + clase : "");
        b.textContent = texto;
        return b;
    }

    function preparar(caja) {
        if (caja.dataset.listo) {
            return;
        }
        caja.dataset.listo = "1";
        var campo = document.getElementById(caja.dataset.ansesTeclado);
        var abrir = caja.querySelector(".anses-teclado__abrir");
        var panel = caja.querySelector(".anses-teclado__panel");
        var teclas = caja.querySelector(".anses-teclado__teclas");
        var estado = caja.querySelector(".anses-teclado__estado");
        var mayusculas = false;

        function contar() {
            estado.textContent = caja.dataset.cuenta.replace("{0}", String(campo.value.length));
        }

        function escribir(letra) {
            campo.value += letra;
            campo.dispatchEvent(new Event("input", { bubbles: true }));
            contar();
        }

        function dibujar() {
            var letras = caja.dataset.mezclar === "true"
                ? (function () {
                    var todas = mezclar(FILAS.slice(1).join(""));
                    return [mezclar(FILAS[0]), todas.slice(0, 10), todas.slice(10, 19), todas.slice(19)];
                })()
                : FILAS;
            teclas.textContent = "";
            letras.forEach(function (fila) {
                var div = document.createElement("div");
                div.className = "anses-teclado__fila";
                fila.split("").forEach(function (letra) {
                    var tecla = boton(mayusculas ? letra.toUpperCase() : letra);
                    tecla.addEventListener("click", function () { escribir(tecla.textContent); });
                    div.appendChild(tecla);
                });
                teclas.appendChild(div);
            });
            var control = document.createElement("div");
            control.className = "anses-teclado__fila";
            var mayus = boton(caja.dataset.mayus, "anses-teclado__tecla--ancha");
            mayus.setAttribute("aria-pressed", String(mayusculas));
            mayus.addEventListener("click", function () {
                mayusculas = !mayusculas;
                teclas.querySelectorAll(".anses-teclado__tecla:not(.anses-teclado__tecla--ancha)").forEach(function (t) {
                    t.textContent = mayusculas ? t.textContent.toUpperCase() : t.textContent.toLowerCase();
                });
                mayus.setAttribute("aria-pressed", String(mayusculas));
            });
            var borrar = boton(caja.dataset.borrar, "anses-teclado__tecla--ancha");
            borrar.addEventListener("click", function () {
                campo.value = campo.value.slice(0, -1);
                campo.dispatchEvent(new Event("input", { bubbles: true }));
                contar();
            });
            var cerrar = boton(caja.dataset.cerrar, "anses-teclado__tecla--ancha");
            cerrar.addEventListener("click", function () { mostrar(false); abrir.focus(); });
            control.appendChild(mayus);
            control.appendChild(borrar);
            control.appendChild(cerrar);
            teclas.appendChild(control);
        }

        function mostrar(si) {
            if (si) {
                dibujar();
                contar();
            }
            panel.hidden = !si;
            abrir.setAttribute("aria-expanded", String(si));
        }

        abrir.addEventListener("click", function () {
            var abierto = !panel.hidden;
            mostrar(!abierto);
            if (!abierto) {
                teclas.querySelector(".anses-teclado__tecla").focus();
            }
        });
        panel.addEventListener("keydown", function (evento) {
            if (evento.key === "Escape") {
                mostrar(false);
                abrir.focus();
            }
        });
        abrir.hidden = false;
    }

    function iniciar() {
        document.querySelectorAll("[data-anses-teclado]").forEach(preparar);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", iniciar);
    } else {
        iniciar();
    }
})();
