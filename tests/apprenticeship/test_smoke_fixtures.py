from apprenticeship.constants import MaturityClass


def test_the_kube_fixture_is_an_eligible_mandiri_host(kube, placement):
    assert kube.latest_assessment.maturity_class == MaturityClass.MANDIRI
    assert placement.host_mentor == kube.host_mentor
