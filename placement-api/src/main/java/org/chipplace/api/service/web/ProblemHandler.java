package org.chipplace.api.service.web;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import org.chipplace.api.service.ServiceErrors.ServiceException;
import org.chipplace.netlist.NetlistParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 7807 problem ({@code application/problem+json}). Spring MVC's own
 * exceptions keep their status (400 unreadable body or bad path variable, 404 no route, 405, 413
 * upload too large, 415 wrong content type, ...). Service exceptions carry their status; a netlist
 * parse error is 400 with its {@code file:line:} message as detail; other domain exceptions
 * (invalid arguments, a design the placer cannot legalize) are 400/422; the database being
 * unreachable is 503. Only a bug in the service itself would end as a 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    /**
     * An unreadable request body: names the unknown field (with the known ones), the field whose value
     * has the wrong type, or the position of malformed JSON, instead of Spring's "Failed to read request".
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, unreadable(ex)).getBody());
    }

    static String unreadable(HttpMessageNotReadableException ex) {
        Throwable c = ex.getCause();
        if (c instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return "unknown field '" + u.getPropertyName() + "'" + at(u.getLocation())
                    + (known.isEmpty() ? "" : " (known fields: " + known + ")");
        }
        if (c instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            return "field '" + field + "'" + at(m.getLocation()) + ": " + m.getOriginalMessage();
        }
        if (c instanceof JsonProcessingException j) {
            return "malformed JSON" + at(j.getLocation()) + ": " + j.getOriginalMessage();
        }
        return "unreadable request body" + (c == null || c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    private static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    @ExceptionHandler(ServiceException.class)
    ResponseEntity<ProblemDetail> service(ServiceException e) {
        return problem(e.status(), e.getMessage());
    }

    @ExceptionHandler(NetlistParseException.class)
    ResponseEntity<ProblemDetail> netlist(NetlistParseException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, NoSuchFileException.class})
    ResponseEntity<ProblemDetail> badArgument(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> database(RuntimeException e) {
        LOG.warn("database error: {}", e.toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "the database is not available; try again later");
    }

    /** Catch-all: maps the remaining domain exceptions; logs and reports anything else. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e) {
        Throwable t = e;
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            return problem(HttpStatus.BAD_REQUEST, u.getCause().getMessage());
        }
        if (t.getClass().getName().startsWith("org.chipplace.") || t instanceof IllegalStateException) {
            LOG.info("domain error: {}", t.toString());
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, t.getMessage() == null ? t.getClass().getSimpleName()
                    : t.getMessage());
        }
        LOG.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error: " + e.getClass().getSimpleName());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("about:blank"));
        return ResponseEntity.status(status).body(p);
    }
}
