package ar.gob.anses.clavess.informacion;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * The information page about the Clave de la Seguridad Social, in the login theme: what it is, its levels, how to
 * create, enable and recover it, how to keep it safe and, in its section {@value #SECCION_CORPORATIVA}, the level 3
 * ("Clave de la Seguridad Social Corporativa") and how an office gives it. Every text is a message key of
 * {@value #TEMPLATE}; it reads no account and needs no session. The login page and Finalizar link here unless the realm
 * attributes {@value #ATRIBUTO_URL} and {@value #ATRIBUTO_URL_CORPORATIVA} name another address (the agency's own site).
 */
public final class InformacionResource {

    static final String TEMPLATE = "anses-informacion.ftl";
    /** The realm attributes that send the links elsewhere; empty or absent: this page. */
    public static final String ATRIBUTO_URL = "ansesInformacionUrl";
    public static final String ATRIBUTO_URL_CORPORATIVA = "ansesInformacionCorporativaUrl";
    /** The id of the page's section on level 3, the fragment the Finalizar link ends in. */
    public static final String SECCION_CORPORATIVA = "corporativa";

    private final KeycloakSession session;

    InformacionResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response pagina() {
        RealmModel realm = session.getContext().getRealm();
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute("ansesMiAnsesUrl", Urls.accountBase(session.getContext().getUri().getBaseUri()).build(realm.getName()).toString())
                .createForm(TEMPLATE);
    }
}
