package vn.ocop.catalog.dossier;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import vn.ocop.web.ProblemHandler;
import vn.ocop.web.Problems;

/**
 * Uploads the multipart machinery refuses before a controller method runs: too large (413), not
 * multipart (415), or without the {@code file} part (400). Answered here because the shared
 * handler would not give them a problem body: it fails on Spring 7's untyped problem details.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

    private final DataSize maxFileSize;

    UploadProblems(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "A document may be at most " + maxFileSize.toMegabytes() + " MB");
        problem.setType(Problems.type("document-too-large"));
        problem.setTitle("Document too large");
        problem.setProperty("errors", List.of(new ProblemHandler.FieldProblem("file",
                "at most " + maxFileSize.toMegabytes() + " MB")));
        return problem;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail notMultipartAtAll(HttpMediaTypeNotSupportedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content type " + e.getContentType() + " is not accepted here; accepted: " + e.getSupportedMediaTypes());
        problem.setType(Problems.type("unsupported-media-type"));
        problem.setTitle("Unsupported media type");
        return problem;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The upload has no part named '" + e.getRequestPartName() + "'");
        problem.setType(Problems.VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new ProblemHandler.FieldProblem(e.getRequestPartName(), "is required")));
        return problem;
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail notMultipart(MultipartException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Send the document as multipart/form-data with the file in the part named 'file'");
        problem.setType(Problems.MALFORMED_REQUEST);
        problem.setTitle("Malformed request");
        return problem;
    }
}
