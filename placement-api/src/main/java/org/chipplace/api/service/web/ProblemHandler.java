package org.chipplace.api.service.web;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import org.chipplace.api.service.ServiceErrors.ServiceException;
import org.chipplace.netlist.NetlistParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
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
