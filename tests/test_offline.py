import socket

import pytest
from pytest_socket import SocketConnectBlockedError


def test_outbound_network_is_blocked() -> None:
    # The suite's guard: any connection beyond loopback fails, so nothing can quietly download.
    with pytest.raises(SocketConnectBlockedError), socket.create_connection(("93.184.216.34", 80), timeout=2):
        pass


def test_embedding_model_loads_from_package_with_verified_weights() -> None:
    from assistant.embeddings import MiniLMEmbeddings, model_dir, verify_model_files

    verify_model_files(model_dir())
    vector = MiniLMEmbeddings().embed_query("foreign influence operation")
    assert len(vector) == 384
    assert abs(sum(x * x for x in vector) - 1.0) < 1e-3  # normalised


def test_tampered_weights_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from assistant.embeddings import verify_weights
    from assistant.errors import ModelIntegrityError

    fake = tmp_path / "model.safetensors"
    fake.write_bytes(b"not the weights")
    with pytest.raises(ModelIntegrityError, match="does not match"):
        verify_weights(fake)
