package ar.gob.anses.clavess.almacen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A notice waiting to be sent (the outbox, ANSES_AVISO): written in the transaction of the change it tells, deleted
 * once sent, skipped or given up. A row exists only while its notice waits, so the table holds no history of anybody's
 * changes; what the template needs is copied here because the request that knew it is gone by then. The address is
 * not (it is the user's verified one when the notice goes out), except the previous address of an email change, which
 * the account no longer holds.
 */
@Entity
@Table(name = "ANSES_AVISO")
@NamedQuery(name = "ansesAvisosVencidos",
        query = "select a.id from AvisoEntity a where a.proximoIntento <= :ahora order by a.proximoIntento, a.id")
@NamedQuery(name = "ansesAvisosEnEspera", query = "select count(a) from AvisoEntity a")
public class AvisoEntity {

    static final int LARGO_USER_AGENT = 512;
    static final int LARGO_NAVEGADOR = 64;
    static final int LARGO_BASE_URI = 512;
    static final int LARGO_IP = 64;
    static final int LARGO_ERROR = 255;

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 255, nullable = false)
    private String userId;

    /** {@code avisos.TipoAviso}'s name, read back with valueOf: a kind added later is a new name, never a renumbering. */
    @Column(name = "TIPO", length = 32, nullable = false)
    private String tipo;

    @Column(name = "NIVEL_ANTERIOR", nullable = false)
    private int nivelAnterior;

    @Column(name = "NIVEL_NUEVO", nullable = false)
    private int nivelNuevo;

    /** When the change was made (the event's time), as the notice tells it. */
    @Column(name = "CUANDO", nullable = false)
    private long cuando;

    @Column(name = "IP", length = LARGO_IP)
    private String ip;

    @Column(name = "USER_AGENT", length = LARGO_USER_AGENT)
    private String userAgent;

    /** The browser and system as Keycloak parsed the User-Agent during the request (there is none when it is sent). */
    @Column(name = "NAVEGADOR", length = LARGO_NAVEGADOR)
    private String navegador;

    @Column(name = "SISTEMA", length = LARGO_NAVEGADOR)
    private String sistema;

    @Column(name = "POR_OFICINA", nullable = false)
    private boolean porOficina;

    @Column(name = "BASE_URI", length = LARGO_BASE_URI)
    private String baseUri;

    /** The address this notice goes to instead of the account's: the one an email change replaced (else null). */
    @Column(name = "DIRECCION", length = 254)
    private String direccion;

    /** Failed tries so far. */
    @Column(name = "INTENTOS", nullable = false)
    private int intentos;

    @Column(name = "PROXIMO_INTENTO", nullable = false)
    private long proximoIntento;

    /** The last failure's exception class and message, without any address; for an operator looking at the table. */
    @Column(name = "ULTIMO_ERROR", length = LARGO_ERROR)
    private String ultimoError;

    @Column(name = "CREADO", nullable = false)
    private long creado;

    protected AvisoEntity() {
    }

    /**
     * A notice due at {@code ahora}. Texts longer than their column are cut (a truncated User-Agent still names the
     * browser), except the base URI, which is dropped rather than cut into another address.
     */
    public AvisoEntity(String id, String realmId, String userId, String tipo, int nivelAnterior, int nivelNuevo, long cuando,
                       String ip, String userAgent, String navegador, String sistema, boolean porOficina, String baseUri,
                       String direccion, long ahora) {
        this.id = id;
        this.realmId = realmId;
        this.userId = userId;
        this.tipo = tipo;
        this.nivelAnterior = nivelAnterior;
        this.nivelNuevo = nivelNuevo;
        this.cuando = cuando;
        this.ip = corto(ip, LARGO_IP);
        this.userAgent = corto(userAgent, LARGO_USER_AGENT);
        this.navegador = corto(navegador, LARGO_NAVEGADOR);
        this.sistema = corto(sistema, LARGO_NAVEGADOR);
        this.porOficina = porOficina;
        this.baseUri = baseUri == null || baseUri.length() > LARGO_BASE_URI ? null : baseUri;
        this.direccion = direccion;
        this.creado = ahora;
        this.proximoIntento = ahora;
    }

    /** Counts a failed try and sets the next one. */
    public void fallo(String error, long proximo) {
        intentos++;
        ultimoError = corto(error, LARGO_ERROR);
        proximoIntento = proximo;
    }

    public String id() {
        return id;
    }

    public String realmId() {
        return realmId;
    }

    public String userId() {
        return userId;
    }

    public String tipo() {
        return tipo;
    }

    public int intentos() {
        return intentos;
    }

    public long proximoIntento() {
        return proximoIntento;
    }

    public long creado() {
        return creado;
    }

    public int nivelAnterior() {
        return nivelAnterior;
    }

    public int nivelNuevo() {
        return nivelNuevo;
    }

    public long cuando() {
        return cuando;
    }

    public String ip() {
        return ip;
    }

    public String userAgent() {
        return userAgent;
    }

    public String navegador() {
        return navegador;
    }

    public String sistema() {
        return sistema;
    }

    public boolean porOficina() {
        return porOficina;
    }

    public String baseUri() {
        return baseUri;
    }

    public String direccion() {
        return direccion;
    }

    /** The text cut to the column (a truncated User-Agent still names the browser); null stays null. */
    private static String corto(String texto, int largo) {
        return texto == null || texto.length() <= largo ? texto : texto.substring(0, largo);
    }
}
