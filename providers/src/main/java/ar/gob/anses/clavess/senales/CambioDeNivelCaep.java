package ar.gob.anses.clavess.senales;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.ssf.event.caep.CaepEvent;

/**
 * CAEP's {@code assurance-level-change} (OpenID CAEP 1.0, §3.3), which Keycloak 26.7.3's transmitter does not carry:
 * the citizen's level of assurance went from {@code previous_level} to {@code current_level}, in the namespace of the
 * agency's levels (the same numbers as the tokens' {@code acr} and {@code nivel}).
 */
public class CambioDeNivelCaep extends CaepEvent {

    public static final String TYPE = "https://schemas.openid.net/secevent/caep/event-type/assurance-level-change";
    /** The levels' namespace: CAEP's values for it are NIST's and ISO's; ANSES's own levels are named by their issuer. */
    public static final String NAMESPACE = "https://www.anses.gob.ar/nivel";

    @JsonProperty("namespace")
    private String namespace = NAMESPACE;
    @JsonProperty("previous_level")
    private String previousLevel;
    @JsonProperty("current_level")
    private String currentLevel;
    @JsonProperty("change_direction")
    private String changeDirection;

    public CambioDeNivelCaep() {
        super(TYPE);
    }

    public CambioDeNivelCaep(int anterior, int nuevo) {
        this();
        this.previousLevel = String.valueOf(anterior);
        this.currentLevel = String.valueOf(nuevo);
        this.changeDirection = nuevo > anterior ? "increase" : "decrease";
    }

    public String getNamespace() {
        return namespace;
    }

    public String getPreviousLevel() {
        return previousLevel;
    }

    public String getCurrentLevel() {
        return currentLevel;
    }

    public String getChangeDirection() {
        return changeDirection;
    }
}
