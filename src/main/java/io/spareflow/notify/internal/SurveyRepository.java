package io.spareflow.notify.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyRepository extends JpaRepository<SurveyResponse, String> {
}
