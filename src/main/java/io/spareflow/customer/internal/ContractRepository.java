package io.spareflow.customer.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContractRepository extends JpaRepository<ContractEntity, String> {

    List<ContractEntity> findByCustomerCodeOrderByValidFrom(String customerCode);
}
