//! Embeds the Temporal protobuf descriptors (written by temporalio-protos'
//! own build) so `orca replay` can read histories in the protobuf JSON form
//! that `temporal workflow show -o json` writes.

fn main() {
    let path = std::env::var("DEP_TEMPORALIO_PROTOS_DESCRIPTOR_PATH")
        .expect("temporalio-protos (a direct dependency) exports its descriptor path");
    println!("cargo:rerun-if-env-changed=DEP_TEMPORALIO_PROTOS_DESCRIPTOR_PATH");
    println!("cargo:rustc-env=ORCA_TEMPORAL_DESCRIPTORS={path}");
}
