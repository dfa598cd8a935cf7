// Errors are read with their field and the cursor goes to the first field in error (WCAG 3.3.1, 2.4.3).
(function () {
    "use strict";

    function ligarErrores() {
        document.querySelectorAll("input[id], select[id], textarea[id]").forEach(function (campo) {
            var error = document.getElementById("input-error-" + campo.id);
            if (!error) {
                return;
            }
            var ids = (campo.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
            if (ids.indexOf(error.id) < 0) {
                ids.push(error.id);
                campo.setAttribute("aria-describedby", ids.join(" "));
            }
            campo.setAttribute("aria-invalid", "true");
        });
    }

    function enfocarPrimerError() {
        var campo = document.querySelector("[aria-invalid='true']");
        if (campo) {
            campo.focus();
            return;
        }
        // A message without a field (wrong CUIL or clave, a lock, an expired step): start at the message.
        var alerta = document.getElementById("anses-alerta");
        if (alerta && alerta.matches(".pf-m-danger, .pf-m-warning")) {
            alerta.focus();
        }
    }

    function iniciar() {
        ligarErrores();
        enfocarPrimerError();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", iniciar);
    } else {
        iniciar();
    }
})();
