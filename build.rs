//! The built-in lessons are embedded with include_dir, which cannot tell cargo about new
//! files: this makes any change under lessons/ or checks/ rebuild the crate.
fn main() {
    println!("cargo:rerun-if-changed=lessons");
    println!("cargo:rerun-if-changed=checks");
}
