package vn.ocop.marketplace.retailer;

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
@RequestMapping("/api/retailers")
class RetailerController {

    record NewRetailer(
            @NotBlank @Size(max = 200) String name,
            @NotNull RetailerType type,
            @NotBlank @Pattern(regexp = "\\d{10}(\\d{3})?(-\\d{3})?", message = "must be 10 or 13 digits, optionally followed by -NNN") String taxCode,
            @NotBlank @Size(max = 100) String province,
            @Nullable @Size(max = 300) String address,
            @Nullable @Email String email) {
    }

    private final Retailers retailers;

    RetailerController(Retailers retailers) {
        this.retailers = retailers;
    }

    @PostMapping
    ResponseEntity<Retailer> register(@Valid @RequestBody NewRetailer request) {
        Retailer retailer = retailers.insert(request);
        return ResponseEntity.created(URI.create("/api/retailers/" + retailer.id())).body(retailer);
    }

    @GetMapping("/{id}")
    Retailer get(@PathVariable UUID id) {
        return retailers.find(id).orElseThrow(() -> new NotFoundException("retailer", id));
    }
}
