package ar.gob.anses.clavess.it;

import static org.assertj.core.api.Assertions.assertThat;

import ar.gob.anses.clavess.testsupport.AdminApi;
import ar.gob.anses.clavess.testsupport.KeycloakExtension;
import ar.gob.anses.clavess.testsupport.KeycloakServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The realm's ANSES password policy through Keycloak's own admin reset-password endpoint, which applies
 * it to a real user: Rosa Quiroga, created here (CUIL 20-38512907-7, DNI 38512907, born 1994-06-21).
 */
@ExtendWith(KeycloakExtension.class)
class PoliticaClaveIT {

    private static final String ROSA = "20385129077";

    private final KeycloakServer server;

    PoliticaClaveIT(KeycloakServer server) {
        this.server = server;
    }

    @BeforeAll
    static void crearUsuaria(KeycloakServer server) throws Exception {
        HttpResponse<String> created = new AdminApi(server).postRaw("users", """
                {"username": "%s", "enabled": true, "firstName": "Rosa", "lastName": "Quiroga",
                 "attributes": {"dni": ["38512907"], "birthdate": ["1994-06-21"], "nivel": ["2"]}}
                """.formatted(ROSA));
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @DisplayName("given a clave that breaks one rule, then the endpoint refuses it with that rule's message")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Ab1x,             invalidPasswordMinLengthMessage",
            "Mate7RioMate7Rio, invalidPasswordMaxLengthMessage",
            "MateRioSol,       invalidPasswordMinDigitsMessage",
            "mate7rio,         invalidPasswordMinUpperCaseCharsMessage",
            "Mate7Rio!,        ansesClaveSoloLetrasNumeros",
            "Mañana7Rio,       ansesClaveSoloLetrasNumeros",
            "Mate 7Rio,        ansesClaveSoloLetrasNumeros",
            "Maate7Rio,        ansesClaveRepetidos",
            "Mate1234R,        ansesClaveSeries",
            "Mate9876R,        ansesClaveSeries",
            "Ab38512907,       ansesClaveDatoPersonalDni",
            "X20385129077,     ansesClaveDatoPersonalCuil",
            "Rio1994Xs,        ansesClaveDatoPersonalFechaNacimiento",
            "Rio21061994X,     ansesClaveDatoPersonalFechaNacimiento",
            "Quiroga7Rio,      ansesClaveDatoPersonalNombre",
            "ROSAS7rio,        ansesClaveDatoPersonalNombre",
            "Argentina10,      invalidPasswordBlacklistedMessage",
            "Bocajuniors12,    invalidPasswordBlacklistedMessage",
    })
    void rechazada(String clave, String message) throws Exception {
        HttpResponse<String> response = resetPassword(clave);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(message);
    }

    @DisplayName("given a good clave, then it is accepted; set again, the history refuses it")
    @Test
    void aceptadaYLuegoHistorial() throws Exception {
        assertThat(resetPassword("Totora5Lago").statusCode()).isEqualTo(204);

        HttpResponse<String> again = resetPassword("Totora5Lago");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalidPasswordHistoryMessage");
    }

    private HttpResponse<String> resetPassword(String clave) throws Exception {
        AdminApi admin = new AdminApi(server);
        return admin.putRaw("users/" + admin.userId(ROSA) + "/reset-password",
                "{\"type\":\"password\",\"temporary\":false,\"value\":\"" + clave + "\"}");
    }
}
