package vn.ocop.catalog.producer;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.web.NotFoundException;

@RestController
@RequestMapping("/api/producers")
class ProducerController {

    /** A registration request; the tax code is 10 or 13 digits, optionally with a branch suffix. */
    record NewProducer(
            @NotBlank @Size(max = 200) String name,
            @NotNull ProducerType type,
            @NotBlank @Pattern(regexp = "\\d{10}(\\d{3})?(-\\d{3})?", message = "must be 10 or 13 digits, optionally followed by -NNN") String taxCode,
            @NotBlank @Size(max = 100) String province,
            @Nullable @Size(max = 100) String commune,
            @Nullable @Size(max = 300) String address,
            @Nullable @Pattern(regexp = "\\+?[0-9 .-]{8,15}", message = "must be a phone number") String phone,
            @Nullable @Email String email) {
    }

    private final Producers producers;

    ProducerController(Producers producers) {
        this.producers = producers;
    }

    @PostMapping
    ResponseEntity<Producer> register(@Valid @RequestBody NewProducer request) {
        Producer producer = producers.insert(request);
        return ResponseEntity.created(URI.create("/api/producers/" + producer.id())).body(producer);
    }

    @GetMapping("/{id}")
    Producer get(@PathVariable UUID id) {
        return producers.find(id).orElseThrow(() -> new NotFoundException("producer", id));
    }
}
