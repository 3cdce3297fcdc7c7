package io.spareflow.customer.internal;

import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<CustomerEntity, String> {

    @EntityGraph(attributePaths = {"sites", "contacts", "contracts"})
    @Query("select distinct c from CustomerEntity c order by c.code")
    List<CustomerEntity> findAllWithDetails();

    @Query("select c from ContactEntity c where lower(c.email) = lower(?1) order by c.id")
    List<ContactEntity> findContactsByEmail(String email);
}
