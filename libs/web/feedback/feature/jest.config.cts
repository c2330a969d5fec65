const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-feedback-feature', __dirname);
