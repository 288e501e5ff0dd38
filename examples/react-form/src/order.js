// What both pages share: the empty order a form starts from and the fields it shows.

export const emptyMailbox = { firstname: '', lastname: '', email: '' };

export const emptyOrder = {
  domainOwnerFirstname: '', domainOwnerLastname: '', companyName: '', address: '', city: '',
  state: '', country: '', zipcode: '', phoneNumber: '', emailServiceProvider: 'Google',
  planType: 'quarterly',
  domains: [{ name: '', redirectUrl: '', mailboxes: [{ ...emptyMailbox }] }],
};

export const ownerFields = [
  ['domainOwnerFirstname', 'First name'], ['domainOwnerLastname', 'Last name'],
  ['companyName', 'Company'], ['address', 'Address'], ['city', 'City'],
  ['state', 'State / province'], ['country', 'Country'], ['zipcode', 'Postal code'],
  ['phoneNumber', 'Phone number'],
];

export const mailboxFields = [['firstname', 'First name'], ['lastname', 'Last name'], ['email', 'Email']];
